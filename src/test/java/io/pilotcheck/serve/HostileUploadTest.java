package io.pilotcheck.serve;

import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.sql.SqlSubmissionStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.TestRules;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads an attacker (or a confused reviewer) sends to {@code POST /api/v1/submissions}, over a
 * real port, on H2 and PostgreSQL: names that leave their folder or hold control characters, one
 * name twice, zips that share one request's limits, a dossier past the per-dossier limit, values
 * wider than the store's columns. Each once got a 503 with the database's own words, was kept
 * whole past the limit, or ran the heap out; each is now the contract's answer.
 */
class HostileUploadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    /** Small limits, so that a test need not send megabytes: 8 KiB a dossier, 60 zip entries a request. */
    private static final UploadLimits LIMITS = new UploadLimits(4L << 20, 8 << 10, 60, 4L << 20, 100, 1024, 30_000, 256L << 20);

    private record Served(CheckServer server, SubmissionStore store) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            store.close();
        }

        HttpResponse<String> post(String query, String type, byte[] body) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/submissions" + query))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> multipart(String query, List<Map.Entry<String, byte[]>> files) throws Exception {
            String boundary = "b0undary";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Map.Entry<String, byte[]> f : files) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(f.getValue());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return post(query, "multipart/form-data; boundary=" + boundary, out.toByteArray());
        }

        HttpResponse<String> get(String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private Served serve(StoreLocation.Kind kind) {
        SubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp));
        return new Served(new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), LIMITS, line -> { }, store)
                .start("127.0.0.1", 0), store);
    }

    static StoreLocation.Kind[] kinds() {
        return TestDatabases.kinds();
    }

    private static byte[] dalian() throws Exception {
        return Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String code(HttpResponse<String> r) throws Exception {
        return r.statusCode() + " " + JSON.readTree(r.body()).at("/error/code").asText();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void namesThatLeaveTheirFolderOrHoldControlCharactersAreRefusedWhole(StoreLocation.Kind kind) throws Exception {
        try (Served s = serve(kind)) {
            byte[] d = dalian();
            assertThat(code(s.multipart("", List.of(Map.entry("../../etc/03-dalian.yaml", d))))).isEqualTo("422 bad_name");
            assertThat(code(s.multipart("", List.of(Map.entry("/etc/03-dalian.yaml", d))))).isEqualTo("422 bad_name");
            assertThat(code(s.multipart("", List.of(Map.entry("a/..\\\\..\\\\x.yaml", d))))).isEqualTo("422 bad_name");
            assertThat(code(s.multipart("", List.of(Map.entry("x".repeat(1001) + ".yaml", d))))).isEqualTo("422 bad_name");
            // a control character: Jetty drops it from a multipart file name; a query keeps it
            assertThat(code(s.post("?name=a%01b.yaml", "application/yaml", d))).isEqualTo("400 bad_query");
            assertThat(UploadNames.acceptable("a\u0000b.yaml")).isFalse();
            assertThat(UploadNames.acceptable("a\nb.yaml")).isFalse();
            assertThat(code(s.post("?name=..%2F03-dalian.yaml", "application/yaml", d))).isEqualTo("422 bad_name");
            assertThat(code(s.multipart("", List.of(Map.entry("2026Q1/03-dalian.yaml", d), Map.entry("2026Q1/03-dalian.yaml", d)))))
                    .isEqualTo("422 duplicate_name");
            assertThat(code(s.multipart("?submitter=%00", List.of(Map.entry("03-dalian.yaml", d))))).isEqualTo("400 bad_query");
            assertThat(code(s.get("/api/v1/submissions?city=%E5%A4%A7%00"))).isEqualTo("400 bad_query");
            assertThat(s.store().ids(Scope.all())).isEmpty();
            // the same names as a folder upload sends them, each once, are kept
            HttpResponse<String> kept = s.multipart("", List.of(Map.entry("2026Q1/03-dalian.yaml", d),
                    Map.entry("2026Q2/03-dalian.yaml", d), Map.entry("Simao District, Pu'er #1 100%.yaml", d)));
            assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void zipsInOneRequestShareItsLimitsAndNoByteBeyondTheDossierLimitIsKept(StoreLocation.Kind kind) throws Exception {
        try (Served s = serve(kind)) {
            List<Map.Entry<String, byte[]>> zips = new ArrayList<>();
            for (int z = 0; z < 3; z++) {
                Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
                for (int i = 0; i < 25; i++) {
                    entries.put("z" + z + "/" + i + ".yaml", ("city: 大连市\nn: " + i + "\n").getBytes(StandardCharsets.UTF_8));
                }
                zips.add(Map.entry("part" + z + ".zip", zip(entries)));
            }
            assertThat(code(s.multipart("", zips))).as("75 entries against 60 a request").isEqualTo("413 zip_too_many_entries");
            assertThat(code(s.multipart("", zips.subList(0, 2)))).isNotEqualTo("413 zip_too_many_entries");

            byte[] big = (new String(dalian(), StandardCharsets.UTF_8) + "#" + "填".repeat(4000) + "\n").getBytes(StandardCharsets.UTF_8);
            assertThat(big.length).isGreaterThan(8 << 10);
            HttpResponse<String> r = s.multipart("?lang=en", List.of(Map.entry("in.zip", zip(Map.of("big/03-dalian.yaml", big))),
                    Map.entry("alone/03-dalian.yaml", big), Map.entry("ok/03-dalian.yaml", dalian())));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            JsonNode report = JSON.readTree(r.body()).get("report");
            for (JsonNode d : report.get("dossiers")) {
                if (!d.get("file").asText().startsWith("ok/")) {
                    assertThat(d.get("findings").get(0).get("rule").asText()).isEqualTo("LCP-SCHEMA-09");
                    assertThat(d.get("findings").get(0).get("message").asText()).contains("over the 8 KiB limit");
                }
            }
            JsonNode kept = JSON.readTree(s.get(r.headers().firstValue("Location").orElseThrow()).body());
            assertThat(kept.get("files")).hasSize(1);
            assertThat(kept.at("/files/0/name").asText()).isEqualTo("ok/03-dalian.yaml");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void valuesWiderThanTheStoresColumnsAreCheckedAndKept(StoreLocation.Kind kind) throws Exception {
        try (Served s = serve(kind)) {
            String city = "大连市".repeat(100);
            byte[] yaml = ("city: " + city + "\nprovince: " + "辽宁".repeat(100) + "\n" + "a".repeat(190) + ":\n  "
                    + "b".repeat(190) + ":\n    " + "c".repeat(190) + ":\n      " + "d".repeat(190) + ":\n        "
                    + "e".repeat(190) + ":\n          " + "f".repeat(190) + ": 1\n").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = s.post("?name=wide.yaml", "application/yaml", yaml);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(s.get("/api/v1/pilots").statusCode()).isEqualTo(200);
            assertThat(s.get(r.headers().firstValue("Location").orElseThrow()).statusCode()).isEqualTo(200);
        }
    }

    /** Jetty refused a multipart body of more than 1,000 parts, below the documented entry limit. */
    @org.junit.jupiter.api.Test
    void aFolderOfMoreThanAThousandFilesIsOneUpload() throws Exception {
        UploadLimits limits = UploadLimits.of(64L << 20, 10L << 20);
        CheckServer server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), limits, line -> { })
                .start("127.0.0.1", 0);
        try {
            String boundary = "b0undary";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] d = dalian();
            for (int i = 0; i < 1200; i++) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"f/" + i
                        + ".yaml\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(d);
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/check"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body().substring(0, Math.min(300, r.body().length()))).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).at("/summary/dossiers").asInt()).isEqualTo(1200);
        } finally {
            server.close();
        }
    }

    /** File links on the pages were written as the names stood: {@code %}, {@code ?}, {@code #} broke them. */
    @org.junit.jupiter.api.Test
    void everyFileAndPilotLinkOnThePagesReachesWhatItNames() throws Exception {
        try (Served s = serve(StoreLocation.Kind.SQLITE)) {
            byte[] d = dalian();
            List<String> names = List.of("2026Q1/大连 #1 100%.yaml", "a?b=c&d.yaml", "Simao District, Pu'er.yaml");
            List<Map.Entry<String, byte[]>> upload = new ArrayList<>();
            names.forEach(n -> upload.add(Map.entry(n, d)));
            HttpResponse<String> r = s.multipart("", upload);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            String id = JSON.readTree(r.body()).get("id").asText();
            List<String> pages = List.of(s.get("/submissions/" + id).body(), s.get("/pilots/%E5%A4%A7%E8%BF%9E%E5%B8%82").body(),
                    s.get("/pilots").body());
            java.util.regex.Matcher links = java.util.regex.Pattern.compile("href=\"(/(?:api/v1/submissions|pilots)/[^\"]+)\"")
                    .matcher(String.join("\n", pages));
            int files = 0;
            int pilots = 0;
            while (links.find()) {
                String href = links.group(1).replace("&amp;", "&").replace("&quot;", "\"");
                HttpResponse<String> got = s.get(href);
                assertThat(got.statusCode()).as(href).isEqualTo(200);
                if (href.contains("/files/")) {
                    files++;
                    assertThat(got.body()).as(href).isEqualTo(new String(d, StandardCharsets.UTF_8));
                } else {
                    pilots++;
                }
            }
            assertThat(files).as("file links followed").isGreaterThanOrEqualTo(3);
            assertThat(pilots).as("pilot links followed, Pu'er's among them").isGreaterThanOrEqualTo(45);
            assertThat(String.join("", pages)).contains("/pilots/Simao%20District%2C%20Pu%27er?lang=zh");
        }
    }
}
