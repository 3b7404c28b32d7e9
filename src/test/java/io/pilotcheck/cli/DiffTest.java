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

/** {@code pilotcheck diff OLD.json NEW.json}: new, resolved and changed findings per dossier. */
class DiffTest {

    @TempDir
    Path tmp;

    private Path report(String name, String asOf, String... dossiers) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, "{\"tool\":{\"name\":\"pilotcheck\",\"version\":\"0\"},\"as_of\":\"" + asOf
                + "\",\"lang\":\"en\",\"dossiers\":[" + String.join(",", dossiers) + "]}");
        return f;
    }

    private static String dossier(String file, String verdict, String... findings) {
        return "{\"file\":\"" + file + "\",\"city\":\"大连市\",\"verdict\":\"" + verdict + "\",\"findings\":["
                + String.join(",", findings) + "]}";
    }

    private static String finding(String rule, String severity, String path, String message, int line) {
        return "{\"rule\":\"" + rule + "\",\"severity\":\"" + severity + "\",\"path\":\"" + path + "\",\"message\":\""
                + message + "\",\"line\":" + line + ",\"column\":3}";
    }

    @Test
    void newResolvedAndChangedFindingsAreToldApartAndGrowingDayCountsAreNotChanges() throws IOException {
        Path old = report("q1.json", "2020-03-31", dossier("d/dalian.yaml", "non_compliant",
                finding("LCP-PLAN-01", "violation", "low_carbon_plan.adopted", "no plan: due 2017-12-31, 821 days late", 11),
                finding("LCP-RPT-01", "pending", "annual_reports", "no 2019 report yet: due 2020-03-31, 1 day left", 40),
                finding("LCP-RPT-01", "violation", "annual_reports", "no 2017 report: due 2018-03-31, 730 days late", 40),
                finding("LCP-STAR-01", "violation", "implementation_plan", "revision not submitted", 5)),
                dossier("d/gone.yaml", "compliant"));
        Path neu = report("q2.json", "2020-06-30", dossier("d/dalian.yaml", "non_compliant",
                finding("LCP-PLAN-01", "violation", "low_carbon_plan.adopted", "no plan: due 2017-12-31, 912 days late", 14),
                finding("LCP-RPT-01", "violation", "annual_reports", "no 2019 report: due 2020-03-31, 91 days late", 40),
                finding("LCP-RPT-01", "violation", "annual_reports", "no 2017 report: due 2018-03-31, 821 days late", 40),
                finding("LCP-PEAK-01", "violation", "", "no peak year", 1)),
                dossier("d/added.yaml", "compliant"));

        CliTest.Run r = run("diff", old.toString(), neu.toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(1); // a new violation, and a pending one that became a violation
        assertThat(r.out()).contains("大连市 d/dalian.yaml: non_compliant → non_compliant")
                .contains("  - resolved violation LCP-STAR-01 implementation_plan: revision not submitted")
                .contains("  + new violation LCP-PEAK-01: no peak year (line 1)")
                .contains("  ~ changed LCP-RPT-01 annual_reports: pending → violation: no 2019 report: due 2020-03-31, 91 days late")
                .contains("d/gone.yaml: compliant → (absent)")
                .contains("d/added.yaml: (absent) → compliant")
                .contains("summary: 1 new, 1 resolved, 1 changed; 0 of 3 dossiers unchanged")
                .doesNotContain("LCP-PLAN-01").doesNotContain("2017 report");

        JsonNode json = new ObjectMapper().readTree(run("diff", old.toString(), neu.toString(), "-f", "json").out());
        assertThat(json.at("/summary/new").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/resolved").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/changed").asInt()).isEqualTo(1);
        assertThat(json.at("/dossiers/1/changed/0/old/severity").asText()).isEqualTo("pending");

        CliTest.Run better = run("diff", neu.toString(), old.toString(), "--lang", "en");
        assertThat(better.code()).isEqualTo(1); // STAR-01 is new in this direction
        CliTest.Run same = run("diff", neu.toString(), neu.toString());
        assertThat(same.code()).isZero();
        assertThat(same.out()).contains("汇总：新增 0，已解决 0，有变化 0；2 个档案中 2 个无变化");
    }

    @Test
    void twoQuartersOfTheFixturesAddUpToTheDifferenceOfTheirReports() throws IOException {
        Path q1 = tmp.resolve("q1.json");
        Path q2 = tmp.resolve("q2.json");
        run("check", "fixtures/", "--as-of", "2019-03-31", "-f", "json", "-o", q1.toString());
        run("check", "fixtures/", "--as-of", "2020-06-30", "-f", "json", "-o", q2.toString());
        ObjectMapper m = new ObjectMapper();
        JsonNode d = m.readTree(run("diff", q1.toString(), q2.toString(), "-f", "json").out());
        int before = m.readTree(q1.toFile()).findValues("rule").size();
        int after = m.readTree(q2.toFile()).findValues("rule").size();
        assertThat(d.at("/summary/new").asInt() - d.at("/summary/resolved").asInt()).isEqualTo(after - before);
        assertThat(d.at("/summary/new").asInt() + d.at("/summary/changed").asInt()).isPositive();
    }

    @Test
    void aReportThatCannotBeReadIsExitTwoWithItsPlace() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\n  \"tool\": {,\n}");
        Path good = report("ok.json", "2020-06-30");
        CliTest.Run r = run("diff", bad.toString(), good.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":2:").contains("错误：JSON 报告不完整或已损坏");
        Path other = tmp.resolve("other.json");
        Files.writeString(other, "{\"a\": 1}");
        assertThat(run("diff", good.toString(), other.toString()).err())
                .isEqualTo("pilotcheck：" + other + " 不是 pilotcheck check -f json 写出的 JSON 报告"
                        + "（写出方法：pilotcheck check -f json -o 报告.json 路径…）\n");
    }

    /** Issue 23 item 16: an HTML report given to diff is the wrong file, said so, not a parser's complaint. */
    @Test
    void anHtmlReportIsNamedAsTheWrongFileAndTheChineseDiffIsChinese() throws IOException {
        Path html = tmp.resolve("report.html");
        Path json = tmp.resolve("q2.json");
        run("check", "fixtures/03-dalian.yaml", "-f", "html", "-o", html.toString(), "-f", "json", "-o", json.toString());
        CliTest.Run r = run("diff", html.toString(), json.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pilotcheck：" + html + " 不是 pilotcheck check -f json 写出的 JSON 报告")
                .doesNotContain("Unexpected character");
        assertThat(run("diff", "--lang", "en", html.toString(), json.toString()).err())
                .startsWith("pilotcheck: " + html + " is not a JSON report from pilotcheck check -f json");

        Path old = report("q1.json", "2020-03-31", dossier("d/dalian.yaml", "non_compliant"));
        Path neu = report("q2.json", "2020-06-30", dossier("d/dalian.yaml", "non_compliant",
                finding("LCP-PEAK-01", "warning", "", "未报告峰值年", 1)));
        CliTest.Run zh = run("diff", old.toString(), neu.toString());
        assertThat(zh.out()).contains("大连市 d/dalian.yaml: 不合规 → 不合规").contains("  + 新增 警告 LCP-PEAK-01: 未报告峰值年（第 1 行）")
                .doesNotContain("non_compliant").doesNotContain("warning");
    }
}
