package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.TestRules;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer's quarter over HTTP, item by item as issue 33 lists what a reviewer met: each test
 * uploads what a city would and reads the pages and API a reviewer reads.
 */
class ReviewerQuarterTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private SubmissionStore store;
    private CheckServer server;

    @BeforeEach
    void start() {
        store = SqlSubmissionStore.open(TestDatabases.fresh(StoreLocation.Kind.H2, tmp));
        server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), UploadLimits.DEFAULTS,
                line -> { }, store).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends files as the upload page's form does (a folder upload: one part a file). */
    private HttpResponse<String> upload(String path, Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            out.write(("--b0undary\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(f.getValue());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write("--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=b0undary", out.toByteArray());
    }

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(Path.of("fixtures", name));
    }

    /** A zip as Explorer or WinRAR on Chinese Windows writes it: names in GBK, no UTF-8 flag. */
    private static byte[] gbkZip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out, Charset.forName("GBK"))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
            }
        }
        return out.toByteArray();
    }

    @Test
    void item4AZipMadeOnChineseWindowsIsReadWithItsChineseNames() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("第二季度/大连.yaml", fixture("03-dalian.yaml"));
        entries.put("第二季度/乌海.yaml", fixture("01-wuhai.yaml"));
        byte[] zip = gbkZip(entries);
        // the names are GBK bytes without the language-encoding flag, as those tools leave them
        assertThat(new String(zip, StandardCharsets.ISO_8859_1)).doesNotContain(
                new String("大连".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        HttpResponse<String> r = post("/api/v1/submissions", "application/zip", zip);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode files = JSON.readTree(get("/api/v1/submissions/" + JSON.readTree(r.body()).get("id").asText()).body()).get("files");
        assertThat(files.findValuesAsText("name")).containsExactly("第二季度/乌海.yaml", "第二季度/大连.yaml");
    }

    @Test
    void item5EveryFileUploadedIsListedCheckedOrSkippedWithWhy() throws Exception {
        Map<String, byte[]> folder = new LinkedHashMap<>();
        folder.put("第二季度/大连.yaml", fixture("03-dalian.yaml"));
        folder.put("第二季度/株洲.yaml.txt", fixture("03-dalian.yaml"));
        folder.put("第二季度/湘潭.xlsx", new byte[] {'P', 'K', 3, 4});
        folder.put("第二季度/说明.docx", new byte[] {'P', 'K', 3, 4});
        HttpResponse<String> page = upload("/?lang=zh", folder);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"skipped\"", "第二季度/株洲.yaml.txt", "改名为以 .yaml 结尾",
                "第二季度/湘潭.xlsx", "Excel 工作簿", "第二季度/说明.docx", "不是档案");
        JsonNode api = JSON.readTree(upload("/api/v1/submissions", folder).body());
        assertThat(api.get("skipped").findValuesAsText("reason")).containsExactly("doubleExtension", "workbook", "other");
        // nothing but a document: the refusal names it
        HttpResponse<String> alone = upload("/api/v1/check?lang=zh", Map.of("工作总结.docx", new byte[] {'P', 'K'}));
        assertThat(alone.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(alone.body()).at("/error/message").asText()).contains("工作总结.docx");
    }

    @Test
    void item6TwoDossiersOfOnePilotAreWarnedOfAndTheLastIsItsLatest() throws Exception {
        String compliant = Files.readString(Path.of("fixtures/03-dalian.yaml"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("大连-2026Q1.yaml", fixture("03-dalian.yaml"));
        files.put("大连-2026Q2.yaml", (compliant + "\n# 第二季度\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> page = upload("/?lang=zh", files);
        assertThat(page.body()).contains("id=\"shared\"", "大连市有 2 个档案", "取其中最后一个：大连-2026Q2.yaml");
        JsonNode pilots = JSON.readTree(get("/api/v1/pilots").body()).get("pilots");
        JsonNode dalian = null;
        for (JsonNode p : pilots) {
            if (p.get("city").asText().equals("大连市")) {
                dalian = p;
            }
        }
        assertThat(dalian.at("/latest/file").asText()).isEqualTo("大连-2026Q2.yaml");
    }
}
