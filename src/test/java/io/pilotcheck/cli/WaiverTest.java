package io.pilotcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.pilotcheck.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code check --waivers}: waived findings stay marked, expired waivers fail, unused ones are reported. */
class WaiverTest {

    private static final String JIAXING = "fixtures/08-jiaxing.yaml"; // one violation: LCP-STAR-02

    @TempDir
    Path tmp;

    private Path waivers(String... entries) throws IOException {
        Path f = tmp.resolve("waivers.yaml");
        Files.writeString(f, "waivers:\n" + String.join("", entries));
        return f;
    }

    private static String waiver(String city, String rule, String expires, String extra) {
        return "  - city: " + city + "\n    rule: " + rule + "\n" + extra
                + "    reason: 修订方案已报省发改委待转报\n    approver: 气候处 张三\n    expires: " + expires + "\n";
    }

    private JsonNode json(CliTest.Run r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void aWaivedFindingStaysInTheReportMarkedWithItsReasonAndNoLongerFailsTheRun() throws IOException {
        Path w = waivers(waiver("嘉兴市", "LCP-STAR-02", "2099-12-31", ""));
        CliTest.Run r = run("check", JIAXING, "--as-of", "2020-06-30", "--waivers", w.toString(), "-f", "json");
        assertThat(r.code()).isZero();
        JsonNode report = json(r);
        JsonNode finding = report.at("/dossiers/0/findings/0");
        assertThat(finding.get("rule").asText()).isEqualTo("LCP-STAR-02");
        assertThat(finding.get("severity").asText()).isEqualTo("violation");
        assertThat(finding.at("/waiver/reason").asText()).isEqualTo("修订方案已报省发改委待转报");
        assertThat(finding.at("/waiver/approver").asText()).isEqualTo("气候处 张三");
        assertThat(finding.at("/waiver/line").asInt()).isEqualTo(2);
        assertThat(report.at("/dossiers/0/verdict").asText()).isEqualTo("compliant");
        assertThat(report.at("/summary/findings/violation").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/waived").asInt()).isEqualTo(1);
        assertThat(report.at("/waivers/0/status").asText()).isEqualTo("applied");
        assertThat(report.at("/waivers/0/matched").asInt()).isEqualTo(1);
        assertThat(r.err()).isEmpty();

        CliTest.Run text = run("check", JIAXING, "--as-of", "2020-06-30", "--waivers", w.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("LCP-STAR-02").contains("（已豁免：修订方案已报省发改委待转报 — 气候处 张三，有效至 2099-12-31）")
                .contains("嘉兴市 — 合规（已豁免 1）").doesNotContain("违规 1")
                .contains("发现：违规 0，警告 0，待到期 0，错误 0，已豁免 1；");
    }

    /** Issue 23 item 4: a waived violation is counted apart in every table, never as a violation. */
    @Test
    void everyTableCountsAWaivedFindingApart() throws IOException {
        Path w = waivers(waiver("嘉兴市", "LCP-STAR-02", "2099-12-31", ""));
        Path html = tmp.resolve("r.html");
        // with a pilot of another province beside it, so that the report has its table of provinces
        assertThat(run("check", JIAXING, "fixtures/02-shenyang.yaml", "--as-of", "2020-06-30", "--waivers", w.toString(),
                "-f", "html", "-o", html.toString()).code()).isZero();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html.toFile(), "UTF-8");
        java.util.List<String> ruleHead = page.select("#by-rule thead th").stream().map(org.jsoup.nodes.Element::text).toList();
        java.util.List<String> ruleRow = page.select("#by-rule tr.rule-row").stream().filter(r -> r.child(0).text().equals("LCP-STAR-02"))
                .findFirst().orElseThrow().select("td").stream().map(org.jsoup.nodes.Element::text).toList();
        assertThat(ruleRow.get(0)).isEqualTo("LCP-STAR-02");
        assertThat(ruleRow.get(ruleHead.indexOf("违规"))).isEmpty();
        assertThat(ruleRow.get(ruleHead.indexOf("已豁免"))).isEqualTo("1");
        java.util.List<String> provinceHead = page.select("#by-province thead th").stream().map(org.jsoup.nodes.Element::text).toList();
        java.util.List<String> zhejiang = page.select("#by-province tbody tr").stream()
                .filter(r -> r.child(0).text().equals("浙江")).findFirst().orElseThrow().select("td").stream().map(org.jsoup.nodes.Element::text).toList();
        assertThat(zhejiang.get(provinceHead.indexOf("违规"))).isEqualTo("0");
        assertThat(zhejiang.get(provinceHead.indexOf("已豁免"))).isEqualTo("1");
        assertThat(zhejiang.get(provinceHead.indexOf("合规"))).isEqualTo("1");
        assertThat(page.select(".card.violation").text()).contains("0");
    }

    @Test
    void everyReportFormatKeepsTheWaivedFindingAndShowsItsReason() throws Exception {
        Path w = waivers(waiver("嘉兴市", "LCP-STAR-02", "2099-12-31", ""));
        String reason = "修订方案已报省发改委待转报";
        String[] formats = {"text", "json", "csv", "junit", "sarif", "html", "xlsx"};
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check", JIAXING, "--as-of", "2020-06-30",
                "--waivers", w.toString()));
        for (String f : formats) {
            args.addAll(java.util.List.of("-f", f, "-o", tmp.resolve("r." + f).toString()));
        }
        assertThat(run(args.toArray(String[]::new)).code()).isZero();
        for (String f : new String[] {"text", "json", "csv", "junit", "sarif", "html"}) {
            assertThat(Files.readString(tmp.resolve("r." + f))).as(f).contains("LCP-STAR-02").contains(reason);
        }
        JsonNode sarif = new ObjectMapper().readTree(tmp.resolve("r.sarif").toFile());
        assertThat(sarif.at("/runs/0/results/0/suppressions/0/status").asText()).isEqualTo("accepted");
        assertThat(sarif.at("/runs/0/results/0/suppressions/0/justification").asText()).isEqualTo(reason);
        String junit = Files.readString(tmp.resolve("r.junit"));
        assertThat(junit).doesNotContain("<failure");
        assertThat(Files.readString(tmp.resolve("r.html"))).contains("class=\"finding violation waived\"");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                tmp.resolve("r.xlsx").toFile())) {
            org.apache.poi.ss.usermodel.Row row = wb.getSheet("发现").getRow(1);
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo("LCP-STAR-02");
            assertThat(row.getCell(12).getStringCellValue()).isEqualTo("是");
            assertThat(row.getCell(13).getStringCellValue()).isEqualTo(reason);
        }
    }

    @Test
    void anExpiredWaiverWaivesNothingAndFailsTheRunEvenWhenNothingElseWould() throws IOException {
        Path w = waivers(waiver("嘉兴市", "LCP-STAR-02", "2020-06-29", ""));
        CliTest.Run r = run("check", JIAXING, "--as-of", "2020-06-30", "--waivers", w.toString(), "-f", "json",
                "--fail-on", "never");
        assertThat(r.code()).isEqualTo(1);
        JsonNode report = json(r);
        assertThat(report.at("/dossiers/0/findings/0/waiver").isMissingNode()).isTrue();
        assertThat(report.at("/dossiers/0/verdict").asText()).isEqualTo("non_compliant");
        assertThat(report.at("/waivers/0/status").asText()).isEqualTo("expired");
        assertThat(r.err()).contains(w + ":2:5: 错误：豁免 LCP-STAR-02 嘉兴市 已于 2020-06-29 到期");

        // the last day a waiver holds is its expiry date
        Path lastDay = waivers(waiver("嘉兴市", "LCP-STAR-02", "2020-06-30", ""));
        assertThat(run("check", JIAXING, "--as-of", "2020-06-30", "--waivers", lastDay.toString()).code()).isZero();
    }

    /** Issue 23 item 3: one province-wide waivers file, checked against one city's dossier. */
    @Test
    void aWaiverForACityNotInTheBatchIsNotApplicableNotAFailureEvenExpired() throws IOException {
        Path w = waivers(
                waiver("大连市", "LCP-STAR-02", "2019-12-31", ""),
                waiver("嘉兴市", "LCP-STAR-02", "2099-12-31", ""),
                waiver("南京市", "LCP-PLAN-01", "2099-12-31", ""));
        CliTest.Run r = run("check", JIAXING, "--as-of", "2020-06-30", "--waivers", w.toString(), "-f", "json");
        assertThat(r.code()).isZero();
        JsonNode report = json(r);
        assertThat(report.at("/waivers/0/status").asText()).isEqualTo("not_applicable");
        assertThat(report.at("/waivers/1/status").asText()).isEqualTo("applied");
        assertThat(report.at("/waivers/2/status").asText()).isEqualTo("not_applicable");
        assertThat(r.err()).isEqualTo(w + ": 提示：2 条豁免不适用于本批次（所涉城市或档案不在本次检查之中），未予应用\n");
        CliTest.Run en = run("check", JIAXING, "--as-of", "2020-06-30", "--waivers", w.toString(), "--lang", "en");
        assertThat(en.err()).contains("note: 2 waiver(s) name no dossier of this batch");

        // the same expired waiver fails the run once its city is in the batch
        CliTest.Run both = run("check", JIAXING, "fixtures/03-dalian.yaml", "--as-of", "2020-06-30",
                "--waivers", w.toString(), "-f", "json", "--fail-on", "never");
        assertThat(both.code()).isEqualTo(1);
        assertThat(json(both).at("/waivers/0/status").asText()).isEqualTo("expired");
    }

    @Test
    void aWaiverThatMatchesNothingIsReportedButDoesNotFail() throws IOException {
        Path w = waivers(
                waiver("嘉兴市", "LCP-STAR-02", "2099-12-31", "    dossier: fixtures/elsewhere.yaml\n"),
                waiver("Jiaxing", "LCP-PLAN-01", "2099-12-31", ""));
        CliTest.Run r = run("check", JIAXING, "--as-of", "2020-06-30", "--waivers", w.toString(), "-f", "json",
                "--lang", "en");
        assertThat(r.code()).isEqualTo(1); // the STAR-02 violation is not waived: the waiver names another file
        JsonNode report = json(r);
        assertThat(report.at("/waivers/0/status").asText()).isEqualTo("unused");
        assertThat(report.at("/waivers/1/status").asText()).isEqualTo("unused");
        assertThat(report.at("/waivers/1/city").asText()).isEqualTo("嘉兴市");
        assertThat(r.err()).contains(w + ":2:5: warning: waiver LCP-STAR-02 嘉兴市 fixtures/elsewhere.yaml matched no finding")
                .contains(w + ":8:5: warning: waiver LCP-PLAN-01 嘉兴市 matched no finding");

        String fromWaivers = tmp.toAbsolutePath().relativize(Path.of(JIAXING).toAbsolutePath()).toString().replace('\\', '/');
        Path sameFile = waivers(waiver("嘉兴市", "LCP-STAR-02", "2099-12-31", "    dossier: ./" + fromWaivers + "\n"));
        assertThat(run("check", JIAXING, "--as-of", "2020-06-30", "--waivers", sameFile.toString()).code()).isZero();
    }

    @Test
    void aWaiversDossierIsAFileFromTheWaiversFilesOwnFolderWhateverTheWorkingFolder() throws IOException {
        // the waivers file lives in another folder: fixtures/08-jiaxing.yaml there is not this repository's
        Path elsewhere = waivers(waiver("嘉兴市", "LCP-STAR-02", "2099-12-31", "    dossier: fixtures/08-jiaxing.yaml\n"));
        assertThat(run("check", JIAXING, "--as-of", "2020-06-30", "--waivers", elsewhere.toString()).code()).isEqualTo(1);
        // the same dossier named from the waivers file's folder is waived, as it is from any working folder
        Path copy = Files.createDirectories(tmp.resolve("fixtures")).resolve("08-jiaxing.yaml");
        Files.copy(Path.of(JIAXING), copy);
        CliTest.Run fromThere = run("check", copy.toString(), "--as-of", "2020-06-30", "--waivers", elsewhere.toString());
        assertThat(fromThere.code()).isZero();
        assertThat(fromThere.out()).contains("（已豁免：");
    }

    @Test
    void aWaiversFileWithMistakesStopsTheRunWithEveryProblemLocated() throws IOException {
        Path w = waivers("  - city: 嘉兴\n    rule: LCP-STAR-2\n    reasn: x\n    approver: 张三\n    expires: 2020-13-01\n");
        CliTest.Run r = run("check", "--lang", "en", JIAXING, "--waivers", w.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(w + ":4:5: error: unknown key 'reasn' in a waiver; did you mean reason?")
                .contains(w + ":2:11: error: '嘉兴' is not one of the 45 pilots; did you mean 嘉兴市?")
                .contains(w + ":3:11: error: no rule has the id 'LCP-STAR-2'; did you mean LCP-STAR-02?")
                .contains("lacks 'reason'")
                .contains(w + ":6:14: error: expires should be a date YYYY-MM-DD, found '2020-13-01'")
                .contains("nothing was checked");
        assertThat(r.out()).isEmpty();
    }
}
