package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.TestRules;
import io.pilotcheck.cli.CliTest;
import io.pilotcheck.entry.WorkbookReader;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.StoredSubmission;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's workbook as an upload (docs/spec/entry.md, done-when 2), on SQLite and PostgreSQL: a
 * template made by {@code init --format xlsx}, filled by a script as a city's would (a date cell,
 * 是, a year, a date typed as Chinese text, a formula, a table row), submitted over HTTP, checks
 * as the YAML it means — the same rules, severities and verdict, each finding at a cell. The
 * store keeps the workbook as sent with its YAML form beside it; read again as a re-check reads
 * it, its findings are still at cells, and the pilot's page names them.
 */
class WorkbookUploadTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void aTemplateFilledByAScriptAndUploadedChecksAsItsYaml(StoreLocation.Kind kind) throws Exception {
        Path template = tmp.resolve("template.xlsx");
        CliTest.Run init = CliTest.run("init", "--format", "xlsx", "大连市", "-o", template.toString(), "--as-of", "2020-06-30");
        assertThat(init.code()).as(init.err()).isZero();
        byte[] filled = fill(Files.readAllBytes(template));
        String yaml = WorkbookReader.read(filled).yaml();
        assertThat(yaml).contains("  adopted: 2018-02-01", "pilot_launched: 2017年2月20日", "  peak_year: 2025",
                "  - year: 2015\n    completed: 2017-06-30\n", "  - year: 2016\n    completed: 2018-05-01\n");

        try (SubmissionStore store = SqlSubmissionStore.open(io.pilotcheck.store.TestDatabases.fresh(kind, tmp))) {
            CheckServer server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), UploadLimits.DEFAULTS,
                    line -> { }, store).start("127.0.0.1", 0);
            try {
                // the workbook last: the pilot's latest dossier, which a re-check reads again
                JsonNode same = submit(server, "大连市.yaml", yaml.getBytes(StandardCharsets.UTF_8));
                JsonNode book = submit(server, "大连市.xlsx", filled);
                JsonNode b = book.at("/report/dossiers/0");
                JsonNode y = same.at("/report/dossiers/0");
                assertThat(summary(b)).isEqualTo(summary(y)).contains("LCP-PLAN-01/violation");
                assertThat(b.get("verdict")).isEqualTo(y.get("verdict"));
                for (JsonNode f : b.get("findings")) {
                    assertThat(f.path("cell").asText()).as(f.toString()).matches("\\p{IsHan}+![A-Z]+\\d+");
                }
                JsonNode plan = finding(b, "LCP-PLAN-01");
                assertThat(plan.get("sheet").asText()).isEqualTo("低碳规划");
                assertThat(plan.get("cell").asText()).startsWith("低碳规划!B");
                assertThat(finding(y, "LCP-PLAN-01").has("cell")).isFalse();

                // kept as sent, with the YAML it was read as beside it
                String id = book.get("id").asText();
                StoredSubmission kept = store.submission(Scope.all(), id).orElseThrow();
                assertThat(kept.files()).singleElement().satisfies(f -> {
                    assertThat(f.name()).isEqualTo("大连市.xlsx");
                    assertThat(f.formSha256()).isNotNull();
                });
                assertThat(store.file(Scope.all(), id, "大连市.xlsx").orElseThrow()).isEqualTo(filled);
                assertThat(new String(store.form(Scope.all(), id, "大连市.xlsx").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(yaml);

                // over the API too: the workbook as sent, and its YAML form
                JsonNode described = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/v1/submissions/" + id)).build(), HttpResponse.BodyHandlers.ofString()).body());
                assertThat(described.at("/files/0/yaml_form_sha256").asText()).hasSize(64);
                String filesPath = "http://127.0.0.1:" + server.port() + "/api/v1/submissions/" + id + "/files/"
                        + java.net.URLEncoder.encode("大连市.xlsx", StandardCharsets.UTF_8).replace("+", "%20");
                HttpResponse<byte[]> original = HTTP.send(HttpRequest.newBuilder(URI.create(filesPath)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(original.body()).isEqualTo(filled);
                assertThat(original.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.openxmlformats");
                assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(filesPath + "?form=yaml")).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).isEqualTo(yaml);
                // a re-check reads the kept files by their names, as this does: the workbook again, its findings at cells
                var again = io.pilotcheck.api.Check.runToEnd(io.pilotcheck.api.CheckRequest.of(TestRules.book(),
                        List.of(io.pilotcheck.dossier.DossierInput.bytes(kept.files().get(0).name(),
                                store.file(Scope.all(), id, "大连市.xlsx").orElseThrow())))).batch().dossiers().get(0).findings();
                assertThat(again).isNotEmpty().allSatisfy(f -> assertThat(f.location().inSheet()).isTrue());
                // an export carries the workbook, its YAML form and its findings' sheets
                Path zip = tmp.resolve("export.zip");
                try (java.io.OutputStream out = Files.newOutputStream(zip)) {
                    io.pilotcheck.store.StoreArchive.export(store, "test", out);
                }
                try (SubmissionStore copy = SqlSubmissionStore.open(io.pilotcheck.store.TestDatabases.fresh(kind, tmp.resolve("copy")));
                     java.util.zip.ZipFile archive = new java.util.zip.ZipFile(zip.toFile())) {
                    io.pilotcheck.store.StoreArchive.importInto(copy, archive);
                    assertThat(copy.form(Scope.all(), id, "大连市.xlsx").orElseThrow()).isEqualTo(yaml.getBytes(StandardCharsets.UTF_8));
                    String first = kept.evaluations().get(0).id();
                    assertThat(copy.evaluation(Scope.all(), first).orElseThrow().batch())
                            .isEqualTo(store.evaluation(Scope.all(), first).orElseThrow().batch());
                }
                // and the pilot's page names the cell
                HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/pilots/Dalian?lang=zh")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.body()).contains("单元格 低碳规划!B");
            } finally {
                server.close();
            }
        }
    }

    private static JsonNode submit(CheckServer server, String name, byte[] bytes) throws Exception {
        String boundary = "b0undary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/v1/submissions?as_of=2020-06-30"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    /** What a city's script does to the template: cells by their row's key, as openpyxl would find them. */
    private static byte[] fill(byte[] template) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            value(wb.getSheet("低碳规划"), "low_carbon_plan.adopted", 1).setCellValue(LocalDate.of(2018, 2, 1));
            value(wb.getSheet("低碳规划"), "low_carbon_plan.in_development_plan", 1).setCellValue("是");
            Cell peak = value(wb.getSheet("低碳规划"), "low_carbon_plan.peak_year", 1);
            peak.setCellFormula("2020+5");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(peak); // its cached value, as Excel saves it
            value(wb.getSheet("峰值目标"), "peak_target_year", 1).setCellValue(2025);
            value(wb.getSheet("实施方案"), "pilot_launched", 1).setCellValue("2017年2月20日");
            value(wb.getSheet("温室气体清单"), "ghg_inventory[0]", 0).setCellValue(2015);
            value(wb.getSheet("温室气体清单"), "ghg_inventory[0]", 1).setCellValue(LocalDate.of(2017, 6, 30));
            // a row the user adds below the table's spare rows: no key of its own, read as the table's
            Sheet ghg = wb.getSheet("温室气体清单");
            Row added = ghg.createRow(ghg.getLastRowNum() + 1);
            added.createCell(0).setCellValue(2016);
            added.createCell(1).setCellValue(LocalDate.of(2018, 5, 1));
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static Cell value(Sheet sheet, String key, int column) {
        for (Row r : sheet) {
            Cell k = r.getCell(4);
            if (k != null && key.equals(k.getStringCellValue())) {
                return r.getCell(column) != null ? r.getCell(column) : r.createCell(column);
            }
        }
        throw new AssertionError(key);
    }

    private static JsonNode finding(JsonNode dossier, String rule) {
        for (JsonNode f : dossier.get("findings")) {
            if (f.get("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError(rule + " in " + dossier);
    }

    private static List<String> summary(JsonNode dossier) {
        List<String> out = new ArrayList<>();
        dossier.get("findings").forEach(f -> out.add(f.get("rule").asText() + "/" + f.get("severity").asText()));
        Collections.sort(out);
        return out;
    }
}
