package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.TestRules;
import io.pilotcheck.cli.CliTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pilotcheck serve} over a real port with the JDK's HTTP client: the contract's routes,
 * bodies and errors (docs/spec/http-api.md), and the same JSON bytes as {@code check}.
 */
class CheckServerTest {

    private static final long MAX_UPLOAD = 2L << 20;
    private static CheckServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> LOG = java.util.Collections.synchronizedList(new ArrayList<>());

    @org.junit.jupiter.api.io.TempDir
    static Path data;
    private static io.pilotcheck.store.SubmissionStore store;

    @BeforeAll
    static void start() {
        store = io.pilotcheck.store.sql.SqlSubmissionStore.open(io.pilotcheck.store.sql.StoreLocation.embedded(data));
        server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                UploadLimits.of(MAX_UPLOAD, 1L << 20), LOG::add, store).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private static HttpResponse<byte[]> post(String path, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Path> fixtures() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** A multipart body of files named by their relative paths, as a browser's folder upload sends them. */
    static byte[] multipart(String boundary, List<Path> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Path f : files) {
            String name = f.toString().replace('\\', '/');
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/x-yaml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(Files.readAllBytes(f));
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static JsonNode error(HttpResponse<byte[]> r) throws IOException {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return new ObjectMapper().readTree(r.body()).get("error");
    }

    private static void stillServes() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void theFixturesUploadedAsAFolderGiveTheJsonReportOfCheckByteForByte() throws Exception {
        String boundary = UUID.randomUUID().toString();
        HttpResponse<byte[]> r = post("/api/v1/check", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, fixtures()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Pilotcheck-Exit")).contains("1");
        CliTest.Run cli = CliTest.run("check", "-f", "json", "fixtures/");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(cli.out());
    }

    @Test
    void oneYamlDossierAndAZipAreCheckedInEveryFormat() throws Exception {
        byte[] dalian = Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
        HttpResponse<byte[]> r = post("/api/v1/check?name=fixtures/03-dalian.yaml&as_of=2020-06-30", "application/yaml", dalian);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(CliTest.run("check", "-f", "json", "--as-of", "2020-06-30", "fixtures/03-dalian.yaml").out());
        for (String format : List.of("text", "csv", "sarif", "junit", "html", "xlsx")) {
            HttpResponse<byte[]> f = post("/api/v1/check?format=" + format + "&lang=en", "text/yaml", dalian);
            assertThat(f.statusCode()).as(format).isEqualTo(200);
            assertThat(f.body().length).as(format).isPositive();
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            for (Path p : fixtures()) {
                z.putNextEntry(new ZipEntry(p.toString().replace('\\', '/')));
                z.write(Files.readAllBytes(p));
            }
            z.putNextEntry(new ZipEntry("fixtures/README.txt"));
            z.write("not a dossier".getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> z = post("/api/v1/check", "application/zip", zip.toByteArray());
        assertThat(z.statusCode()).isEqualTo(200);
        assertThat(new String(z.body(), StandardCharsets.UTF_8)).isEqualTo(CliTest.run("check", "-f", "json", "fixtures/").out());
    }

    @Test
    void badRequestsGetTheContractsErrorsAndTheServerGoesOn() throws Exception {
        HttpResponse<byte[]> type = post("/api/v1/check", "text/plain", "city: x".getBytes(StandardCharsets.UTF_8));
        assertThat(type.statusCode()).isEqualTo(415);
        assertThat(error(type).get("code").asText()).isEqualTo("unsupported_media_type");
        assertThat(error(type).get("message").asText()).contains("不接受内容类型");
        assertThat(error(type).get("message_en").asText()).contains("is not accepted");

        HttpResponse<byte[]> lang = post("/api/v1/check?lang=fr", "application/yaml", "city: x".getBytes(StandardCharsets.UTF_8));
        assertThat(lang.statusCode()).isEqualTo(400);
        assertThat(error(lang).get("code").asText()).isEqualTo("bad_query");
        HttpResponse<byte[]> date = post("/api/v1/check?as_of=2017/03/01&lang=en", "application/yaml", "city: x".getBytes(StandardCharsets.UTF_8));
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(error(date).get("message").asText()).contains("as_of=2017/03/01");

        // declared over the limit: refused on the headers alone, before a byte of the body is read
        String big;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: " + (MAX_UPLOAD + 1) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            big = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(big).startsWith("HTTP/1.1 413").contains("\"code\" : \"upload_too_large\"");

        HttpResponse<byte[]> empty = post("/api/v1/check", "application/yaml", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(error(empty).get("code").asText()).isEqualTo("no_body");

        HttpResponse<String> none = get("/no/such/thing");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("\"code\" : \"not_found\"");
        HttpResponse<String> method = HTTP.send(HttpRequest.newBuilder(uri("/healthz")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(method.statusCode()).isEqualTo(405);
        stillServes();
    }

    @Test
    void hostileZipsAreRefusedBeforeTheyAreInflated() throws Exception {
        // a zip bomb: 64 MiB of zeros packed into a few KiB
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bomb)) {
            z.putNextEntry(new ZipEntry("bomb.yaml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
        }
        assertThat(bomb.size()).isLessThan(1 << 20);
        HttpResponse<byte[]> r = post("/api/v1/check", "application/zip", bomb.toByteArray());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(error(r).get("code").asText()).isEqualTo("zip_bomb");

        assertThat(error(post("/api/v1/check", "application/zip", zipOf("../evil.yaml"))).get("code").asText())
                .isEqualTo("zip_bad_name");
        assertThat(error(post("/api/v1/check", "application/zip", zipOf("/etc/evil.yaml"))).get("code").asText())
                .isEqualTo("zip_bad_name");
        assertThat(post("/api/v1/check", "application/zip", zipOf("notes.txt")).statusCode()).isEqualTo(422);
        assertThat(post("/api/v1/check", "application/zip", "not a zip".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(422);

        String[] many = new String[10_001];
        for (int i = 0; i < many.length; i++) {
            many[i] = "d/" + i + ".txt";
        }
        HttpResponse<byte[]> tooMany = post("/api/v1/check", "application/zip", zipOf(many));
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(error(tooMany).get("code").asText()).isEqualTo("zip_too_many_entries");
        stillServes();
    }

    private static byte[] zipOf(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write("city: 大连市\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    @Test
    void rulesHealthReadinessAndMetricsAnswer() throws Exception {
        JsonNode rules = new ObjectMapper().readTree(get("/api/v1/rules").body());
        assertThat(rules.get("fingerprint").asText()).startsWith("sha256:");
        assertThat(rules.get("rules").size()).isEqualTo(33);
        assertThat(get("/healthz").body()).contains("\"status\" : \"ok\"");
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        int length = post("/api/v1/check?name=logged.yaml", "application/yaml",
                Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"))).body().length;
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("pilotcheck_http_requests_total{").contains("route=\"/api/v1/check\"")
                .contains("pilotcheck_dossiers_checked_total{verdict=\"non_compliant\"}")
                .contains("pilotcheck_http_request_duration_seconds_bucket");
        // one access-log line: ISO timestamp with its offset, client address, request id, method,
        // path, status, the response's bytes, milliseconds
        assertThat(LOG).anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) 127\\.0\\.0\\.1 "
                + "[0-9a-f]{16} POST /api/v1/check 200 " + length + " \\d+ms"));
        // a proxy's request id is kept and answered; one that is no plain token is replaced
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> given = http.send(HttpRequest.newBuilder(uri("/healthz"))
                .header("X-Request-Id", "nginx-7f3a.1").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("nginx-7f3a.1");
        assertThat(LOG).anyMatch(l -> l.contains(" nginx-7f3a.1 GET /healthz 200 "));
        HttpResponse<Void> odd = http.send(HttpRequest.newBuilder(uri("/healthz"))
                .header("X-Request-Id", "a b\"<c>").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(odd.headers().firstValue("X-Request-Id").orElse("")).matches("[0-9a-f]{16}");
    }

    @Test
    void thePageUploadsAndAnswersWithTheHtmlReport() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        // a real form (it works with scripts off); the one script is the server's own file, nothing is fetched from elsewhere
        assertThat(page.body()).contains("method=\"post\" action=\"/?lang=zh\" enctype=\"multipart/form-data\"")
                .contains("低碳城市试点档案检查").doesNotContain("http://").doesNotContain("https://");
        assertThat(page.body().split("<script", -1)).hasSize(2);
        assertThat(page.body().split("src=", -1)).hasSize(2);
        assertThat(page.body()).contains("<script src=\"/assets/upload.js\"></script>");
        assertThat(get("/?lang=en").body()).contains("Low-carbon pilot dossier check");
        String boundary = UUID.randomUUID().toString();
        HttpResponse<byte[]> r = post("/", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, List.of(Path.of("fixtures/03-dalian.yaml"))));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String report = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(report).contains("低碳城市试点合规检查报告").contains("大连市");

        // the upload is kept; the report's strip links to it in every other format
        java.util.regex.Matcher json = java.util.regex.Pattern.compile("href=\"(/submissions/[0-9a-f]{32}/pilotcheck-[0-9-]+\\.json\\?lang=zh)\"")
                .matcher(report);
        assertThat(json.find()).as(report.substring(0, 2000)).isTrue();
        HttpResponse<String> again = get(json.group(1));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"pilotcheck-");
        HttpResponse<byte[]> api = post("/api/v1/check?name=fixtures/03-dalian.yaml", "application/yaml",
                Files.readAllBytes(Path.of("fixtures/03-dalian.yaml")));
        assertThat(again.body()).isEqualTo(new String(api.body(), StandardCharsets.UTF_8));
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("href=\"(/submissions/[0-9a-f]{32}/pilotcheck-[^\"]+)\"").matcher(report);
        List<String> downloads = new ArrayList<>();
        while (links.find()) {
            downloads.add(links.group(1));
        }
        assertThat(downloads).hasSize(7); // every format
        for (String download : downloads) {
            assertThat(get(download).statusCode()).as(download).isEqualTo(200);
        }
        HttpResponse<String> gone = get("/submissions/00000000000000000000000000000000/pilotcheck-2026-01-01.json");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("\"code\" : \"not_found\"");
    }

    @Test
    void theFormsErrorsArePagesInTheFormsLanguage() throws Exception {
        String boundary = UUID.randomUUID().toString();
        byte[] notes = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"notes.txt\"\r\n\r\n"
                + "hello\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = post("/?lang=en", "multipart/form-data; boundary=" + boundary, notes);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<html lang=\"en\">")
                .contains("data-code=\"no_dossiers\"").contains("Back to the upload page");
        // the API keeps the contract's JSON for the same upload
        HttpResponse<byte[]> api = post("/api/v1/check", "multipart/form-data; boundary=" + boundary, notes);
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(error(api).get("code").asText()).isEqualTo("no_dossiers");
        stillServes();
    }
}
