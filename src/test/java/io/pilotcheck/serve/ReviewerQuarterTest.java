package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.TestRules;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleBookLoader;
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
import java.util.concurrent.atomic.AtomicReference;
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
    /** The rules the server uses now: a test may swap them, as an edit of {@code rules/} does. */
    private final AtomicReference<RuleBook> rules = new AtomicReference<>(TestRules.book());
    /** The problems of a rule edit that did not build, as the server's rule watcher would give them. */
    private final AtomicReference<List<String>> ruleProblems = new AtomicReference<>(List.of());

    @BeforeEach
    void start() {
        store = SqlSubmissionStore.open(TestDatabases.fresh(StoreLocation.Kind.SQLITE, tmp.resolve("store")));
        server = new CheckServer(() -> new ServedRules.State(rules.get(), ruleProblems.get()), UploadLimits.DEFAULTS,
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
        return post(path, "multipart/form-data; boundary=b0undary", multipart(files));
    }

    private static byte[] multipart(Map<String, byte[]> files) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            out.write(("--b0undary\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(f.getValue());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write("--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
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
        entries.put("__MACOSX/第二季度/._大连.yaml", new byte[] {0, 5, 22, 7}); // what a Mac adds: no dossier
        byte[] zip = gbkZip(entries);
        // the names are GBK bytes without the language-encoding flag, as those tools leave them
        assertThat(new String(zip, StandardCharsets.ISO_8859_1)).doesNotContain(
                new String("大连".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        HttpResponse<String> r = post("/api/v1/submissions", "application/zip", zip);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode files = JSON.readTree(get("/api/v1/submissions/" + JSON.readTree(r.body()).get("id").asText()).body()).get("files");
        assertThat(files.findValuesAsText("name")).containsExactly("第二季度/乌海.yaml", "第二季度/大连.yaml");
        assertThat(JSON.readTree(r.body()).get("skipped").findValuesAsText("reason")).containsExactly("system");
    }

    @Test
    void item5EveryFileUploadedIsListedCheckedOrSkippedWithWhy() throws Exception {
        Map<String, byte[]> folder = new LinkedHashMap<>();
        folder.put("第二季度/大连.yaml", fixture("03-dalian.yaml"));
        folder.put("第二季度/株洲.yaml.txt", fixture("03-dalian.yaml"));
        folder.put("第二季度/湘潭.xls", new byte[] {'P', 'K', 3, 4});
        folder.put("第二季度/湘潭.xlsx", new byte[] {'P', 'K', 3, 4}); // a workbook, but not the city's template
        folder.put("第二季度/说明.docx", new byte[] {'P', 'K', 3, 4});
        HttpResponse<String> page = upload("/?lang=zh", folder);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"skipped\"", "第二季度/株洲.yaml.txt", "改名为以 .yaml 结尾",
                "第二季度/湘潭.xls", "旧格式的工作簿", "第二季度/说明.docx", "不是档案",
                "第二季度/湘潭.xlsx", "这个工作簿不是 pilotcheck 的城市填报表");
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

    private String submit(String name, byte[] yaml) throws Exception {
        HttpResponse<String> r = post("/api/v1/submissions?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8),
                "application/yaml", yaml);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** The dashboard's row of a pilot, as HTML. */
    private static String row(String dashboard, String city) {
        int at = dashboard.indexOf("<tr data-city=\"" + city + "\"");
        assertThat(at).as(city + " on the dashboard").isPositive();
        return dashboard.substring(at, dashboard.indexOf("</tr>", at));
    }

    /** Quarter 1: 沈阳, 乌海 and 大连 as the fixtures have them. */
    private void firstQuarter() throws Exception {
        submit("沈阳.yaml", fixture("02-shenyang.yaml"));
        submit("乌海.yaml", fixture("01-wuhai.yaml"));
        submit("大连.yaml", fixture("03-dalian.yaml"));
    }

    @Test
    void item1EachRowShowsWhatChangedSinceThePilotsSubmissionBeforeAndCanBeFilteredByIt() throws Exception {
        firstQuarter();
        // quarter 2: 大连 adopts its plan in time (LCP-PLAN-01 resolved); 沈阳 sends the same file again
        submit("大连.yaml", TestRules.edit(Files.readString(Path.of("fixtures/03-dalian.yaml")), "adopted: 2018-02-01",
                "adopted: 2017-12-01").getBytes(StandardCharsets.UTF_8));
        submit("沈阳.yaml", fixture("02-shenyang.yaml"));
        String page = get("/pilots?lang=zh").body();
        assertThat(row(page, "大连市")).contains("data-change=\"changed\"", "●", "已解决 1");
        assertThat(row(page, "沈阳市")).contains("data-change=\"same\"", "无变化");
        assertThat(row(page, "乌海市")).contains("data-change=\"first\"", "首次提交");
        String changed = get("/pilots?lang=zh&change=changed").body();
        assertThat(changed).contains("data-city=\"大连市\"").doesNotContain("data-city=\"沈阳市\"", "data-city=\"乌海市\"");
        JsonNode api = JSON.readTree(get("/api/v1/pilots").body()).get("pilots");
        for (JsonNode p : api) {
            if (p.get("city").asText().equals("大连市")) {
                assertThat(p.at("/latest/change/resolved").asInt()).isEqualTo(1);
            }
        }
    }

    @Test
    void item2ARecheckUnderNewRulesIsARuleChangeNeverTheCitysFix() throws Exception {
        firstQuarter();
        submit("大连.yaml", fixture("03-dalian.yaml")); // quarter 2: the same file again
        Path edited = TestRules.copyRules(tmp.resolve("rules"));
        TestRules.edit(edited.resolve("params.yaml"), "plan_due: 2017-12-31", "plan_due: 2018-03-31");
        rules.set(RuleBookLoader.load(edited));
        // before the re-check: the dashboard leads to a page that names the change and whom it affects
        assertThat(get("/pilots?lang=zh").body()).contains("id=\"recheck-preview\"");
        String preview = get("/pilots/recheck?lang=zh").body();
        assertThat(preview).contains("参数 plan_due：2017-12-31 → 2018-03-31", "LCP-PLAN-01", "id=\"recheck-form\"");
        String effects = preview.substring(preview.indexOf("<table id=\"effects\""), preview.indexOf("</table>", preview.indexOf("<table id=\"effects\"")));
        assertThat(effects).contains("data-city=\"大连市\"", "违规 2→1").doesNotContain("data-city=\"沈阳市\"");
        assertThat(effects.split("<tr data-city=", -1).length - 1).as("pilots affected").isLessThan(3);
        // the re-check, and its summary
        String done = post("/pilots/recheck?lang=zh", "application/x-www-form-urlencoded", new byte[0]).body();
        assertThat(done).contains("id=\"recheck-done\"", "大连市", "违规 2→1");
        String pilot = get("/pilots/Dalian?lang=zh").body();
        String newest = pilot.substring(pilot.indexOf("<section class=\"submission\""));
        newest = newest.substring(0, newest.indexOf("</section>"));
        assertThat(newest).contains("规则变更·不再报告", "LCP-PLAN-01", "参数 plan_due：2017-12-31 → 2018-03-31")
                .doesNotContain("已解决 LCP-PLAN-01");
        assertThat(row(get("/pilots?lang=zh").body(), "大连市")).contains("data-change=\"rules\"", "◆");
        JsonNode history = JSON.readTree(get("/api/v1/pilots/Dalian/history").body()).get("submissions");
        JsonNode change = history.get(history.size() - 1).get("change");
        assertThat(change.get("resolved")).isEmpty();
        assertThat(change.at("/by_rules/resolved/0/rule").asText()).isEqualTo("LCP-PLAN-01");
    }

    @Test
    void item3ADossierThatCannotBeCheckedBelongsToItsCity() throws Exception {
        firstQuarter();
        String shenyang = Files.readString(Path.of("fixtures/02-shenyang.yaml"));
        // a misspelt key, as city staff type it: the file cannot be checked, but its city is clear
        byte[] misspelt = TestRules.edit(shenyang, "low_carbon_plan:", "low_carbon_pln:").getBytes(StandardCharsets.UTF_8);
        JsonNode report = JSON.readTree(post("/api/v1/check", "application/yaml", misspelt).body());
        assertThat(report.at("/dossiers/0/city").asText()).isEqualTo("沈阳市");
        submit("沈阳.yaml", misspelt);
        String row = row(get("/pilots?lang=zh").body(), "沈阳市");
        assertThat(row).contains("无法检查", "low_carbon_pln");
        assertThat(row).doesNotContain(">合规<");
    }

    @Test
    void item11TheDashboardNamesEachRuleOnceWithItsTitleHasAnErrorsColumnALegendAndSaysWhenNothingMatches() throws Exception {
        firstQuarter();
        String page = get("/pilots?lang=zh").body();
        assertThat(page).contains("<th class=\"n\">错误</th>", "id=\"legend\"", "有条件通过");
        String dalian = row(page, "乌海市"); // LCP-INNO-01 twice among its violations
        assertThat(dalian).contains("<abbr class=\"rule\" title=\"");
        JsonNode latest = null;
        for (JsonNode p : JSON.readTree(get("/api/v1/pilots").body()).get("pilots")) {
            if (p.get("city").asText().equals("乌海市")) {
                latest = p.get("latest");
            }
        }
        assertThat(latest.get("violated_rules").findValuesAsText("")).isEmpty();
        assertThat(latest.get("violated_rules").toString()).contains("LCP-INNO-01\",\"LCP-INNO-01");
        for (JsonNode rule : latest.get("violated_rules")) {
            String id = rule.asText();
            assertThat(dalian.split(">" + id + "<", -1)).as(id + " once").hasSize(2);
            assertThat(dalian).contains(rules.get().rule(id).orElseThrow().title(io.pilotcheck.words.Language.ZH));
        }
        String none = get("/pilots?lang=zh&province=" + java.net.URLEncoder.encode("青海省", StandardCharsets.UTF_8)
                + "&verdict=compliant").body();
        assertThat(none).contains("id=\"none-shown\"", "没有符合筛选条件的试点");
    }

    @Test
    void item8TimesAndDatesAreShownInTheServersTimeZoneToTheSecond() throws Exception {
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        // what serve --time-zone Asia/Shanghai sets
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(java.time.ZoneId.of("Asia/Shanghai")));
        try {
            String id = submit("大连.yaml", fixture("03-dalian.yaml"));
            java.time.Instant received = java.time.Instant.parse(JSON.readTree(get("/api/v1/submissions/" + id).body())
                    .get("received").asText());
            java.time.ZonedDateTime beijing = received.atZone(java.time.ZoneId.of("Asia/Shanghai"));
            String shown = beijing.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            String page = get("/submissions/" + id + "?lang=zh").body();
            assertThat(page).contains(shown).doesNotContain(" UTC 收到");
            assertThat(page).contains("pilotcheck-" + beijing.toLocalDate() + ".xlsx");
            assertThat(row(get("/pilots?lang=zh").body(), "大连市")).contains(beijing.toLocalDate().toString());
        } finally {
            java.util.TimeZone.setDefault(before);
        }
        // a zone that is none is refused before anything starts (the address would be refused next)
        assertThat(io.pilotcheck.cli.CliTest.run("serve", "--lang", "en", "--time-zone", "Mars/Olympus", "--bind", "192.0.2.1").err())
                .contains("--time-zone Mars/Olympus is not a time zone");
    }

    @Test
    void item9TheUploadPageLeadsToTheDashboardAndTheChineseGuideTellsOfTheService() throws Exception {
        assertThat(get("/?lang=zh").body()).contains("id=\"to-dashboard\"", "href=\"/pilots?lang=zh\"");
        String guide = Files.readString(Path.of("docs/reviewer-guide.zh.md"));
        assertThat(guide).contains("pilotcheck serve", "/pilots", "总览", "重新检查", "规则变更");
    }

    @Test
    void item10ABrokenRuleEditIsToldInEveryPagesHeaderInItsLanguageWithWhere() throws Exception {
        String id = submit("大连.yaml", fixture("03-dalian.yaml"));
        ruleProblems.set(List.of("rules/plan.drl:12:5: error: [ERR 102] mismatched input 'then'"));
        for (String path : List.of("/?lang=zh", "/pilots?lang=zh", "/pilots/Dalian?lang=zh", "/submissions/" + id + "?lang=zh")) {
            String page = get(path).body();
            assertThat(page).as(path).contains("id=\"rules-broken\"", "规则文件已修改但无法构建", "rules/plan.drl:12:5")
                    .doesNotContain("见 /readyz");
        }
        assertThat(get("/pilots?lang=en").body()).contains("The rules were edited and do not build", "rules/plan.drl:12:5");
        ruleProblems.set(List.of());
        assertThat(get("/pilots?lang=zh").body()).doesNotContain("id=\"rules-broken\"");
    }

    @Test
    void item15TheChartHasALegendTellsSameDaySubmissionsApartAndTheSubmissionPageReadsAsAReviewersPage() throws Exception {
        submit("大连.yaml", fixture("03-dalian.yaml"));
        String id = submit("大连.yaml", fixture("03-dalian.yaml"));
        String pilot = get("/pilots/Dalian?lang=zh").body();
        assertThat(pilot).contains("id=\"chart-legend\"", "违规", "待到期");
        java.util.regex.Matcher times = java.util.regex.Pattern.compile("<text class=\"time\"[^>]*>([^<]+)</text>").matcher(pilot);
        assertThat(times.results().count()).isEqualTo(2);
        assertThat(pilot).doesNotContain("· ·");
        String submission = get("/submissions/" + id + "?lang=zh").body();
        assertThat(submission).contains("<title>大连市：").doesNotContain("<title>提交 " + id.substring(0, 12));
        assertThat(submission).containsPattern("[0-9.]+ KiB</span>").doesNotContain(" B · sha256");
    }

    @Test
    void item7APilotsPageShowsItsFindingsAndAReportOfThatPilotAloneAsPageAndWorkbook() throws Exception {
        firstQuarter();
        String pilot = get("/pilots/Dalian?lang=zh").body();
        String current = pilot.substring(pilot.indexOf("<section id=\"current\""), pilot.indexOf("</section>", pilot.indexOf("<section id=\"current\"")));
        for (String id : List.of("LCP-STAR-01", "LCP-PLAN-01")) {
            io.pilotcheck.rules.RuleInfo rule = rules.get().rule(id).orElseThrow();
            assertThat(current).contains("data-rule=\"" + id + "\"", rule.title(io.pilotcheck.words.Language.ZH), rule.notice());
        }
        assertThat(current).contains("大连市于 2018-02-01 通过低碳发展规划");
        String report = get("/pilots/Dalian/report?lang=zh").body();
        assertThat(report).contains("id=\"pilot\"", "data-file=\"大连.yaml\"").doesNotContain("data-file=\"沈阳.yaml\"", "data-file=\"乌海.yaml\"");
        HttpResponse<byte[]> xlsx = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/pilots/Dalian/report.xlsx?lang=zh")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith('P', 'K');
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).matches("attachment; filename=\"Dalian-\\d{4}-\\d{2}-\\d{2}\\.xlsx\"");
        assertThat(get("/pilots/Dalian/report.nosuch").statusCode()).isEqualTo(404);
        assertThat(get("/pilots/Xining/report").statusCode()).isEqualTo(404); // never submitted
        assertThat(get("/pilots/Atlantis/report").statusCode()).isEqualTo(404);
    }

    @Test
    void item12AReportOfOnePilotLeadsWithItsFindingsWithoutTheTablesAcrossPilots() throws Exception {
        String one = post("/api/v1/check?format=html&lang=zh", "application/yaml", fixture("03-dalian.yaml")).body();
        assertThat(one.indexOf("<section id=\"details\">")).isPositive().isLessThan(one.indexOf("<section id=\"summary\">"));
        assertThat(one).doesNotContain("id=\"matrix\"", "id=\"by-province\"");
        Map<String, byte[]> several = new LinkedHashMap<>();
        for (String f : List.of("01-wuhai.yaml", "02-shenyang.yaml", "03-dalian.yaml", "04-chaoyang.yaml")) {
            several.put(f, fixture(f));
        }
        String many = upload("/api/v1/check?format=html&lang=zh", several).body();
        assertThat(many.indexOf("<section id=\"details\">")).isGreaterThan(many.indexOf("<section id=\"summary\">"));
        assertThat(many).contains("id=\"matrix\"", "id=\"by-province\"");
    }

    @Test
    void item13EachPageSpeaksOneLanguage() throws Exception {
        firstQuarter();
        String wuhai = get("/pilots/Wuhai?lang=zh").body();
        assertThat(wuhai).contains("二（四）、附件").doesNotContain(", annex");
        assertThat(get("/?lang=zh").body()).doesNotContain("的 as_of", "as_of 评估").contains("截至日期");
        String missing = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/nosuch?lang=zh"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(missing).contains("HTTP 状态 404").doesNotContain("not_found<", "· not_found");
        String kept = submit("沈阳.yaml", fixture("02-shenyang.yaml"));
        for (String path : List.of("/pilots?lang=en", "/pilots/Wuhai?lang=en", "/submissions/" + kept + "?lang=en",
                "/pilots/recheck?lang=en", "/?lang=en")) {
            String text = org.jsoup.Jsoup.parse(get(path).body()).body().text();
            assertThat(text).as(path).doesNotContain("(s)", "non_compliant", "as_of,");
        }
        String filtered = get("/pilots?lang=zh&verdict=non_compliant&change=changed").body();
        assertThat(filtered).contains("href=\"/pilots?verdict=non_compliant&amp;change=changed&amp;lang=en\"");
        // a registry message reads in one language: the annex's province in English, the field in Chinese
        String en = post("/api/v1/check?format=text&lang=en", "application/yaml", fixture("10-quzhou.yaml")).body();
        assertThat(en).contains("but the annex says 'Zhejiang'").doesNotContain("'浙江'");
        String zh = post("/api/v1/check?format=text&lang=zh", "application/yaml", fixture("10-quzhou.yaml")).body();
        assertThat(zh).contains("衢州市的所属省份（province）填为“江苏”", "[附件]");
        String id = submit("大连.yaml", fixture("03-dalian.yaml"));
        assertThat(get("/submissions/" + id + "/report?lang=zh").body())
                .contains("id=\"other-language\" href=\"/submissions/" + id + "/report?lang=en\"");
    }

    @Test
    void item14TheWorkbookNamesRulesByTitleReadsInChineseAndPrints() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("乌海.yaml", fixture("01-wuhai.yaml"));
        files.put("坏文件.yaml", fixture("invalid/not-yaml.yaml"));
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/v1/check?format=xlsx&lang=zh")).header("Content-Type", "multipart/form-data; boundary=b0undary")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(files))).build(), HttpResponse.BodyHandlers.ofByteArray());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(r.body()))) {
            org.apache.poi.ss.usermodel.Sheet findings = wb.getSheet("发现");
            List<String> head = new java.util.ArrayList<>();
            findings.getRow(0).forEach(c -> head.add(c.getStringCellValue()));
            List<String> titles = new java.util.ArrayList<>();
            List<String> clauses = new java.util.ArrayList<>();
            List<String> cities = new java.util.ArrayList<>();
            for (int i = 1; i <= findings.getLastRowNum(); i++) {
                titles.add(findings.getRow(i).getCell(head.indexOf("规则名称")).getStringCellValue());
                clauses.add(findings.getRow(i).getCell(head.indexOf("条款")).getStringCellValue());
                cities.add(findings.getRow(i).getCell(head.indexOf("城市")).getStringCellValue());
            }
            assertThat(titles).contains(rules.get().rule("LCP-INNO-01").orElseThrow().title(io.pilotcheck.words.Language.ZH))
                    .doesNotContain("");
            assertThat(clauses).contains("二（四）、附件").noneMatch(c -> c.contains("annex"));
            assertThat(cities).contains("乌海市", "（未能读出城市）").doesNotContain("");
            org.apache.poi.ss.usermodel.Sheet matrix = wb.getSheet("矩阵");
            assertThat(matrix.getRow(0).getCell(4).getCellComment().getString().getString()).isNotBlank();
            for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getFitToPage()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            }
            assertThat(findings.getRepeatingRows()).isNotNull();
        }
    }
}
