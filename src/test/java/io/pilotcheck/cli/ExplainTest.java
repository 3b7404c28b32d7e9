package io.pilotcheck.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.pilotcheck.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code pilotcheck explain}: a rule, and the facts behind a dossier's findings. */
class ExplainTest {

    @Test
    void aRuleIsExplainedWithItsWordsParametersAndSourceLines() throws IOException {
        CliTest.Run r = run("explain", "LCP-PLAN-01", "--lang", "en");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("LCP-PLAN-01\nchecks: A low-carbon development plan is adopted\n")
                .contains("clause: 二（二）")
                .contains("notice: 「根据试点工作方案提出的碳排放峰值目标及试点建设目标，编制低碳发展规划」")
                .contains("reads: low_carbon_plan.adopted")
                .contains("  late      {city} adopted its low-carbon development plan on {date}, {days} days after the {due} deadline");
        // the parameter's value, and the line of params.yaml that sets it
        Matcher param = Pattern.compile("plan_due = 2017-12-31 \\(assumptions\\)   rules/params.yaml:(\\d+)").matcher(r.out());
        assertThat(param.find()).isTrue();
        List<String> params = Files.readAllLines(Path.of("rules/params.yaml"));
        assertThat(params.get(Integer.parseInt(param.group(1)) - 1)).contains("plan_due: 2017-12-31");
        // the DRL source, numbered as in the file
        Matcher src = Pattern.compile("source: rules/plan.drl:(\\d+)-(\\d+)").matcher(r.out());
        assertThat(src.find()).isTrue();
        List<String> drl = Files.readAllLines(Path.of("rules/plan.drl"));
        int first = Integer.parseInt(src.group(1));
        assertThat(drl.get(first - 1)).startsWith("rule \"LCP-PLAN-01");
        assertThat(drl.get(Integer.parseInt(src.group(2)) - 1)).isEqualTo("end");
        assertThat(r.out()).contains(first + " | rule \"LCP-PLAN-01").contains(" | then\n");
    }

    @Test
    void anUnknownRuleIdIsExitTwoWithADidYouMean() {
        CliTest.Run r = run("explain", "--lang", "en", "LCP-PLAN-1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no rule has id LCP-PLAN-1 (did you mean LCP-PLAN-01");
        assertThat(run("explain", "LCP-PLAN-1").err()).contains("没有编号为 LCP-PLAN-1 的规则（是否应为 LCP-PLAN-01");
    }

    @Test
    void aFindingIsExplainedByTheDossierValuesItReadWithTheirLocations() {
        CliTest.Run r = run("explain", "--finding", "fixtures/03-dalian.yaml", "LCP-PLAN-01", "--lang", "en");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("fixtures/03-dalian.yaml:17:12: violation LCP-PLAN-01 Dalian adopted")
                .contains("rule: \"LCP-PLAN-01 a low-carbon development plan is adopted\"  rules/plan.drl:")
                .contains("as of: 2020-06-30 (the dossier's as_of)")
                .containsPattern("low_carbon_plan.adopted = 2018-02-01 +fixtures/03-dalian.yaml:17:12")
                .contains("plan_due = 2017-12-31")
                .containsPattern("annex: 大连市 \\(辽宁, no. 3\\*, peak 2025, focuses 3\\)  rules/pilot-cities.yaml:\\d+");
        CliTest.Run replay = run("explain", "--finding", "fixtures/03-dalian.yaml", "LCP-PLAN-01", "--as-of", "2017-06-01",
                "--lang", "en");
        assertThat(replay.out()).contains("pending LCP-PLAN-01").contains("as of: 2017-06-01 (--as-of)");
    }

    @Test
    void aFindingAboutOneListItemShowsThatItemOnly() {
        CliTest.Run r = run("explain", "--finding", "fixtures/05-xunke.yaml", "LCP-INNO-02", "--lang", "en");
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("innovations\\[0].status = planned +fixtures/05-xunke.yaml:16:13")
                .containsPattern("innovations\\[0].focus = 1 ")
                .doesNotContain("innovations[1]");
    }

    @Test
    void aRuleThatReadsAWholeSeriesShowsEveryEntry() {
        CliTest.Run r = run("explain", "--finding", "fixtures/21-yantai.yaml", "LCP-PEAK-04", "--line", "50", "--lang", "en");
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("emissions\\[2].mt_co2e = 61.8 +fixtures/21-yantai.yaml:50:27")
                .containsPattern("emissions\\[1] = \\{year: 2017, mt_co2e: 61.0} +fixtures/21-yantai.yaml:49:5")
                .doesNotContain("fixtures/21-yantai.yaml:51:27: warning"); // --line keeps the other year's finding out
    }

    @Test
    void noMatchingFindingIsExitOneAndADossierThatCannotBeCheckedSaysWhy() throws IOException {
        CliTest.Run none = run("explain", "--finding", "rules/tests/dossiers/dalian.yaml", "LCP-PLAN-01", "--lang", "en");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.out()).contains("no finding matches: rules/tests/dossiers/dalian.yaml LCP-PLAN-01, as of 2020-06-30");
        Path invalid;
        try (var files = Files.list(Path.of("fixtures/invalid"))) {
            invalid = files.filter(p -> p.toString().endsWith(".yaml")).sorted().findFirst().orElseThrow();
        }
        CliTest.Run bad = run("explain", "--finding", invalid.toString(), "--lang", "en");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).startsWith("the dossier cannot be checked, so no rule ran:").contains("LCP-SCHEMA-");
    }
}
