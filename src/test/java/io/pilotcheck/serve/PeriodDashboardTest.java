package io.pilotcheck.serve;

import io.pilotcheck.TestRules;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.Tokens;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A period's dashboard (docs/spec/review.md, "What the dashboard shows"): each pilot's state,
 * verdict and counts, open 须整改 and rules violated; filters by province, state, verdict, rule
 * and a name in Chinese or English; another period's states beside; the workbook of what is shown.
 */
class PeriodDashboardTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void filtersComparisonAndWorkbook() throws Exception {
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")))) {
            Application app = new Application(TestRules::book, () -> store);
            Instant t = Instant.now();
            app.accounts().add("admin", null, Accounts.AccountRole.admin, List.of(), null, "admin password", "cli", null, t);
            String token = new Tokens(store).add("admin", "t", "submit", "cli", null, t).secret();
            app.periods().add("Q2", LocalDate.of(2026, 6, 30), LocalDate.of(2020, 6, 30), List.of(), "cli", null, t);
            app.periods().add("Q3", LocalDate.now().plusDays(30), LocalDate.of(2020, 6, 30), List.of(), "cli", null, t.plusSeconds(1));
            java.util.concurrent.atomic.AtomicReference<io.pilotcheck.rules.RuleBook> rules = new java.util.concurrent.atomic.AtomicReference<>(
                    TestRules.book());
            try (CheckServer server = new CheckServer(() -> new ServedRules.State(rules.get(), List.of()), UploadLimits.DEFAULTS,
                    line -> { }, () -> store, "").start("127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + server.port();
                for (String f : List.of("03-dalian.yaml", "02-shenyang.yaml", "01-wuhai.yaml")) {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/submissions?name=" + f + "&period=Q3"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml")
                            .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fixtures", f))).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                }
                String page = get(base, "/periods/Q3?lang=zh", token).body();
                assertThat(page).contains("data-city=\"大连市\" data-state=\"submitted\"", "data-city=\"长沙市\" data-state=\"due\"",
                        "LCP-PLAN-01", "已提交待审 3");
                assertThat(rows(get(base, "/periods/Q3?state=submitted", token).body())).isEqualTo(3);
                assertThat(rows(get(base, "/periods/Q3?q=Dalian", token).body())).isEqualTo(1);
                assertThat(rows(get(base, "/periods/Q3?q=" + URLEncoder.encode("大连", StandardCharsets.UTF_8), token).body())).isEqualTo(1);
                assertThat(get(base, "/periods/Q3?rule=LCP-STAR-01", token).body()).contains("大连市").doesNotContain("data-city=\"乌海市\"");
                assertThat(rows(get(base, "/periods/Q3?province=" + URLEncoder.encode("辽宁", StandardCharsets.UTF_8), token).body()))
                        .isEqualTo((int) TestRules.book().registry().cities().stream().filter(c -> c.provinceMatches("辽宁")).count());
                assertThat(get(base, "/periods/Q3?state=accepted", token).body()).contains("id=\"none-shown\"");
                assertThat(get(base, "/periods/Q3?compare=Q2", token).body()).contains("<th>Q2</th>", "逾期未提交");

                HttpResponse<byte[]> xlsx = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/periods/Q3?state=submitted&format=xlsx"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(xlsx.statusCode()).isEqualTo(200);
                try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                    Sheet sheet = wb.getSheetAt(0);
                    assertThat(sheet.getLastRowNum()).as("a header and the 3 rows shown").isEqualTo(3);
                    assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("状态");
                    assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
                }

                // 大连市 sends again after the rules changed: its change is marked as possibly the rules' doing
                Path edited = TestRules.copyRules(tmp.resolve("edited"));
                TestRules.edit(edited.resolve("params.yaml"), "2017-02-28", "2017-03-31");
                rules.set(io.pilotcheck.rules.RuleBookLoader.load(edited, io.pilotcheck.rules.CompiledRulesCache.in(tmp.resolve("cache"))));
                assertThat(rules.get().fingerprint()).isNotEqualTo(TestRules.book().fingerprint());
                HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/submissions?name=03-dalian.yaml&period=Q3"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml")
                        .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fixtures", "03-dalian.yaml"))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
                String marked = get(base, "/periods/Q3?q=Dalian", token).body();
                assertThat(marked).contains("两次之间规则有变更");
                assertThat(get(base, "/periods/Q3?q=Shenyang", token).body()).doesNotContain("两次之间规则有变更");
            }
        }
    }

    private static HttpResponse<String> get(String base, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int rows(String page) {
        return page.split("<tr data-city=", -1).length - 1;
    }
}
