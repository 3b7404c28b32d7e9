package io.pilotcheck.dossier;

import io.pilotcheck.source.YamlProblem;

import io.pilotcheck.TestRules;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import io.pilotcheck.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input becomes a located {@code error} finding, never an exception; good input keeps its places. */
class DossierLoaderTest {

    /** The one error finding the YAML gives, checked for id, line and column. */
    private static Finding onlyError(String yaml, String ruleId, int line, int column) {
        DossierResult r = TestRules.check(yaml, "2020-06-30");
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.findings()).hasSize(1);
        Finding f = r.findings().get(0);
        assertThat(f.ruleId()).isEqualTo(ruleId);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.location()).isEqualTo(new SourceLocation("test.yaml", line, column));
        return f;
    }

    @Test
    void aKeyWithNothingAfterItIsNotGivenNotAnEmptyValue() {
        // regression: Jackson read "adopted:" as "" and the loader called it a bad date (LCP-SCHEMA-05)
        DossierResult r = TestRules.check("city: 南京市\nas_of: 2020-06-30\nlow_carbon_plan:\n  adopted:    # 日期\n"
                + "  in_development_plan:\npeak_target_year:\ninnovations:\n  - focus: 1\n    status:\n", "2020-06-30");
        assertThat(r.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(r.findings()).anyMatch(f -> f.ruleId().equals("LCP-PLAN-01") && f.severity() == Severity.VIOLATION);
        assertThat(r.findings()).anyMatch(f -> f.ruleId().equals("LCP-PEAK-01"));
    }

    @Test
    void aYearOutsideNineteenNinetyToTwentyOneHundredIsATypoNotAYear() {
        // regression: "17" passed LCP-PEAK-02 as a peak year long before the annex's 2025
        Finding f = onlyError("city: 大连市\npeak_target_year: 17\n", "LCP-SCHEMA-03", 2, 19);
        assertThat(f.message().en()).contains("a year from 1990 to 2100").contains("'17'");
        onlyError("city: 大连市\nannual_reports:\n  - {year: 20017, submitted: 2018-03-01}\n", "LCP-SCHEMA-03", 3, 12);
    }

    @Test
    void aTabInTheIndentationIsNamedWithItsLine() {
        Finding f = onlyError("city: 大连市\nlow_carbon_plan:\n\tadopted: 2017-08-01\n", "LCP-SCHEMA-01", 3, 1);
        assertThat(f.message().en()).isEqualTo("line 3 is indented with a tab; YAML indents with spaces only");
    }

    @Test
    void unknownKeySuggestsTheNearestKey() {
        Finding f = onlyError("city: 沈阳市\nprovnce: 辽宁\n", "LCP-SCHEMA-02", 2, 1);
        assertThat(f.message().en()).contains("'provnce'").contains("did you mean 'province'");
        assertThat(f.message().zh()).contains("是否应为“province”");
    }

    @Test
    void unknownNestedKeyNamesItsMapping() {
        Finding f = onlyError("city: 沈阳市\nlow_carbon_plan:\n  adoptd: 2017-08-01\n", "LCP-SCHEMA-02", 3, 3);
        assertThat(f.path()).isEqualTo("low_carbon_plan.adoptd");
        assertThat(f.message().en()).contains("in low_carbon_plan").contains("'adopted'");
    }

    @Test
    void wrongTypeNamesWhatWasExpected() {
        Finding f = onlyError("city: 南京市\npeak_target_year: 二〇二二年\n", "LCP-SCHEMA-03", 2, 19);
        assertThat(f.message().en()).contains("a whole number");
        onlyError("city: 南京市\nlow_carbon_plan:\n  in_development_plan: 2017-05-01\n", "LCP-SCHEMA-03", 3, 24);
        onlyError("city: 南京市\npilot_launched: 20170215\n", "LCP-SCHEMA-03", 2, 17);
        onlyError("city: 南京市\nlow_carbon_plan: yes please\n", "LCP-SCHEMA-03", 2, 18);
    }

    @Test
    void enumerationValueNotListed() {
        Finding f = onlyError("city: 常州市\nlow_carbon_plan:\n  levers: [industrial_structure, carbon_sink]\n",
                "LCP-SCHEMA-04", 3, 34);
        assertThat(f.message().en()).contains("did you mean 'carbon_sinks'");
        onlyError("city: 常州市\ninnovations:\n  - focus: 1\n    status: done\n", "LCP-SCHEMA-04", 4, 13);
        onlyError("city: 常州市\ndata_system: [statistic]\n", "LCP-SCHEMA-04", 2, 15);
    }

    @Test
    void impossibleAndMalformedDates() {
        Finding f = onlyError("city: 合肥市\npilot_launched: 2017-02-30\n", "LCP-SCHEMA-05", 2, 17);
        assertThat(f.message().en()).contains("2017-02-30").contains("not a real date");
        onlyError("city: 合肥市\npilot_launched: 2017-13-45\n", "LCP-SCHEMA-05", 2, 17);
        onlyError("city: 合肥市\npilot_launched: 2017年春\n", "LCP-SCHEMA-05", 2, 17);
        onlyError("city: 合肥市\npilot_launched: 2017/02/30\n", "LCP-SCHEMA-05", 2, 17); // another shape, but no such day
    }

    @Test
    void duplicateKeyNamesBothLines() {
        Finding f = onlyError("city: 济南市\nlow_carbon_plan:\n  adopted: 2017-08-01\n  adopted: 2018-08-01\n",
                "LCP-SCHEMA-06", 4, 3);
        assertThat(f.message().en()).contains("first at line 3");
        onlyError("city: 济南市\ncity: 烟台市\n", "LCP-SCHEMA-06", 2, 1);
    }

    @Test
    void aliasesAreRefusedNotBoundToTheAnchorName() {
        DossierResult r = TestRules.check(
                "city: 潍坊市\nimplementation_plan:\n  finalized: &launch 2017-02-20\npilot_launched: *launch\n", null);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.findings()).extracting(Finding::ruleId).containsOnly("LCP-SCHEMA-07");
        assertThat(r.findings()).extracting(f -> f.location().line()).contains(4);
        assertThat(r.findings()).anyMatch(f -> f.message().en().contains("*launch"));
    }

    @Test
    void notYaml() {
        Finding f = onlyError("city: 大连市\nlow_carbon_plan:\n  levers: [a, b\n  adopted: 2017-08-01\n",
                "LCP-SCHEMA-01", 4, 10);
        assertThat(f.message().en()).startsWith("not valid YAML");
        onlyError("", "LCP-SCHEMA-01", 1, 1);
        onlyError("# only a comment\n", "LCP-SCHEMA-01", 1, 1);
        onlyError("- just\n- a list\n", "LCP-SCHEMA-01", 1, 1);
        onlyError("city: 大连市\n---\ncity: 沈阳市\n", "LCP-SCHEMA-01", 3, 1);
    }

    @Test
    void missingCity() {
        onlyError("province: 浙江\n", "LCP-SCHEMA-08", 1, 1);
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        DossierResult r = TestRules.check("city: 大连市\nprovnce: 辽宁\npilot_launched: 2017-02-30\n"
                + "low_carbon_plan:\n  levers: [carbon_sink]\n", null);
        assertThat(r.findings()).extracting(Finding::ruleId)
                .containsExactly("LCP-SCHEMA-02", "LCP-SCHEMA-05", "LCP-SCHEMA-04");
    }

    @Test
    void fileThatIsNotUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("binary.yaml");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41, (byte) 0xc3, 0x28});
        LoadedDossier d = new DossierLoader().load(file, "binary.yaml");
        assertThat(d.checkable()).isFalse();
        assertThat(d.problems()).extracting(p -> p.ruleId()).containsExactly("LCP-SCHEMA-09");
    }

    @Test
    void everyKindOfMalformedUtf8IsRefusedAndARealReplacementCharacterIsNot() {
        byte[] ok = "city: 大连市\nnotes: \"\uFFFD\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new DossierLoader().loadBytes("ok.yaml", ok).problems())
                .extracting(p -> p.ruleId()).doesNotContain("LCP-SCHEMA-09");
        byte[][] malformed = {
            {(byte) 0xc0, (byte) 0xaf},                 // overlong '/'
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},    // a UTF-16 surrogate, encoded
            {(byte) 0xe5, (byte) 0xa4},                 // truncated at the end
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
            {(byte) 0x80},                              // a lone continuation byte
            {(byte) 0xff},
        };
        for (byte[] bad : malformed) {
            byte[] bytes = new byte[6 + bad.length + 1];
            System.arraycopy("city: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 0, 6);
            System.arraycopy(bad, 0, bytes, 6, bad.length);
            bytes[bytes.length - 1] = '\n';
            LoadedDossier d = new DossierLoader().loadBytes("bad.yaml", bytes);
            assertThat(d.problems()).as(java.util.HexFormat.of().formatHex(bad))
                    .extracting(p -> p.ruleId()).containsExactly("LCP-SCHEMA-09");
        }
    }

    @Test
    void utf16IsNamedWithTheWayOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("utf16.yaml");
        Files.write(file, "city: 大连市\n".getBytes(java.nio.charset.StandardCharsets.UTF_16)); // big-endian, with BOM
        LoadedDossier d = new DossierLoader().load(file, "utf16.yaml");
        assertThat(d.problems()).extracting(p -> p.ruleId()).containsExactly("LCP-SCHEMA-09");
        assertThat(d.problems().get(0).messageEn()).isEqualTo("the file is UTF-16 (with a byte-order mark); save it as UTF-8");
    }

    /**
     * Issue 23 item 14, as entry.md has it since: a date in a usual other shape is read as that
     * date, with a warning that says how to write it; 是/否 where a yes/no belongs says the fix.
     */
    @Test
    void datesInOtherShapesAreReadWithAWarningAndChineseYesNoSaysTheFix() {
        String yaml = "city: 沈阳市\npilot_launched: 2017/02/15\nimplementation_plan:\n  finalized: 2017年2月15日\n"
                + "low_carbon_plan:\n  adopted: 2017-2-15\n  in_government_work: 是\ngovernance:\n  leading_group: 否\n"
                + "phase_summary_submitted: 2017-02-30\n";
        LoadedDossier loaded = new DossierLoader().loadText("d.yaml", yaml);
        List<YamlProblem> problems = loaded.problems();
        assertThat(problems).extracting(YamlProblem::messageZh).containsExactlyInAnyOrder(
                "low_carbon_plan.in_government_work 应为 true 或 false，实际为“是”：“是”写 true，“否”写 false",
                "governance.leading_group 应为 true 或 false，实际为“否”：“是”写 true，“否”写 false",
                "日期“2017-02-30”不存在");
        assertThat(loaded.warnings()).extracting(YamlProblem::messageZh).containsExactlyInAnyOrder(
                "“2017/02/15”已按 2017-02-15 读取；日期请写成 YYYY-MM-DD",
                "“2017年2月15日”已按 2017-02-15 读取；日期请写成 YYYY-MM-DD",
                "“2017-2-15”已按 2017-02-15 读取；日期请写成 YYYY-MM-DD");
        YamlProblem slashes = loaded.warnings().stream().filter(p -> p.messageZh().contains("2017/02/15")).findFirst().orElseThrow();
        assertThat(slashes.ruleId()).isEqualTo("LCP-SCHEMA-10");
        assertThat(slashes.messageEn()).isEqualTo("'2017/02/15' was read as 2017-02-15; write dates as YYYY-MM-DD");
        assertThat(slashes.location().line()).isEqualTo(2);
        assertThat(problems).extracting(YamlProblem::messageEn).anyMatch(m -> m.endsWith("found '是': write true for yes, false for no"));
        // only warnings: the dossier is checked, dated as read
        LoadedDossier dated = new DossierLoader().loadText("e.yaml", "city: 沈阳市\npilot_launched: 2017年2月15日\n");
        assertThat(dated.checkable()).isTrue();
        assertThat(dated.dossier().pilotLaunched()).isEqualTo(java.time.LocalDate.of(2017, 2, 15));
        // a Latin word after 应为 gets its space; a Chinese one does not need it
        assertThat(new DossierLoader().loadText("y.yaml", "city: 沈阳市\npeak_target_year: 二〇二五\n").problems().get(0)
                .messageZh()).isEqualTo("peak_target_year 应为整数，实际为“二〇二五”");
    }

    /** Issue 23 item 13: a Chinese input method's colon is named at its own place, with the fix. */
    @Test
    void aFullWidthColonIsNamedWhereItIs() {
        String yaml = "# a dossier\n\ndossier_version: 1\nas_of: 2020-06-30\ncity：沈阳市\nprovince: 辽宁\n";
        LoadedDossier d = new DossierLoader().loadText("fw.yaml", yaml);
        assertThat(d.problems()).hasSize(1);
        YamlProblem p = d.problems().get(0);
        assertThat(p.ruleId()).isEqualTo("LCP-SCHEMA-01");
        assertThat(p.location().line()).isEqualTo(5);
        assertThat(p.location().column()).isEqualTo(5);
        assertThat(p.messageZh()).isEqualTo("“city”后面是全角冒号“：”：YAML 要求半角冒号“:”加一个空格（city: …）");
        assertThat(p.messageEn()).contains("full-width colon").contains("city: …");
        // nested, in a list item, and with a space before it
        LoadedDossier nested = new DossierLoader().loadText("fw2.yaml",
                "city: 沈阳市\nlow_carbon_plan:\n  adopted ： 2017-01-01\n");
        assertThat(nested.problems().get(0).location().line()).isEqualTo(3);
        assertThat(nested.problems().get(0).location().column()).isEqualTo(11);
        // a full-width colon inside a value is text like any other
        assertThat(new DossierLoader().loadText("ok.yaml", "city: 沈阳市\nnote: \"文号：沈政发〔2017〕1号\"\n").problems())
                .extracting(YamlProblem::ruleId).doesNotContain("LCP-SCHEMA-01");
    }

    /** Issue 23 item 12: Chinese Windows saves in GBK; say so, and how to save as UTF-8. */
    @Test
    void gbkIsNamedWithTheWayOut() throws Exception {
        byte[] gbk = "city: 大连市\nas_of: 2020-06-30\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        LoadedDossier d = new DossierLoader().loadBytes("gbk.yaml", gbk);
        assertThat(d.problems()).extracting(p -> p.ruleId()).containsExactly("LCP-SCHEMA-09");
        assertThat(d.problems().get(0).messageZh()).startsWith("文件不是 UTF-8 编码，而是 GBK/GB18030 编码")
                .contains("另存为 UTF-8");
        assertThat(d.problems().get(0).messageEn()).contains("GBK/GB18030").contains("save it as UTF-8");
        // bytes that GB18030 cannot read either are not called GBK
        byte[] neither = {'c', 'i', 't', 'y', ':', ' ', (byte) 0xe5, (byte) 0xa4, (byte) 0xa7, (byte) 0xff, '\n'};
        assertThat(new DossierLoader().loadBytes("neither.yaml", neither).problems().get(0).messageEn())
                .isEqualTo("the file is not UTF-8 text");
    }

    @Test
    void utf8ByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.yaml");
        Files.writeString(file, "\uFEFFcity: 大连市\nas_of: 2020-06-30\n");
        LoadedDossier d = new DossierLoader().load(file, "bom.yaml");
        assertThat(d.checkable()).isTrue();
        assertThat(d.dossier().asOf()).isEqualTo(LocalDate.of(2020, 6, 30));
    }

    @Test
    void valuesKeepTheirLocationAndMissingFieldsPointAtTheirParent() {
        LoadedDossier d = TestRules.load("""
                city: 大连市
                low_carbon_plan:
                  adopted: 2017-08-01
                annual_reports:
                  - year: 2017
                    submitted: 2018-03-02
                """);
        assertThat(d.checkable()).isTrue();
        SourceMap s = d.dossier().sources();
        assertThat(s.locate("city")).isEqualTo(new SourceLocation("test.yaml", 1, 7));
        assertThat(s.locate("low_carbon_plan.adopted")).isEqualTo(new SourceLocation("test.yaml", 3, 12));
        assertThat(s.locate("annual_reports[0].submitted")).isEqualTo(new SourceLocation("test.yaml", 6, 16));
        // missing: the parent mapping that should hold it, or the document start
        assertThat(s.locate("low_carbon_plan.peak_year")).isEqualTo(new SourceLocation("test.yaml", 2, 1));
        assertThat(s.locate("governance.leading_group")).isEqualTo(new SourceLocation("test.yaml", 1, 1));
        assertThat(d.dossier().reported("low_carbon_plan.adopted")).isTrue();
        assertThat(d.dossier().reported("low_carbon_plan.levers")).isFalse();
    }

    @Test
    void theSpecExampleLoadsCompletely() throws Exception {
        String spec = Files.readString(Path.of("docs/spec/dossier-format.md"));
        String yaml = spec.substring(spec.indexOf("```yaml") + 7, spec.indexOf("```", spec.indexOf("```yaml") + 7));
        LoadedDossier d = TestRules.load(yaml);
        assertThat(d.problems()).isEmpty();
        Dossier x = d.dossier();
        assertThat(x.city()).isEqualTo("大连市");
        assertThat(x.lowCarbonPlan().levers()).hasSize(4);
        assertThat(x.innovations()).hasSize(2);
        assertThat(x.emissions()).extracting(EmissionRecord::mtCo2e).containsExactly(41.2, 42.0);
        assertThat(x.annualReports()).extracting(AnnualReport::year).containsExactly(2017, 2018);
    }
}
