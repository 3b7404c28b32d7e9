package io.pilotcheck.rules;

import io.pilotcheck.TestRules;
import io.pilotcheck.cli.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules are read from disk on every run: an edit changes the next run, with no rebuild. */
class RulesFromDiskTest {

    @Test
    void editingADrlFileChangesTheNextRun(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        String dossier = "fixtures/03-dalian.yaml";
        String before = CliTest.run("check", "--rules", rules.toString(), dossier).out();
        assertThat(before).contains("violation LCP-PLAN-01");

        Path plan = rules.resolve("plan.drl");
        TestRules.edit(plan, "@severity(\"violation\")", "@severity(\"warning\")");
        String after = CliTest.run("check", "--rules", rules.toString(), dossier).out();
        assertThat(after).contains("warning LCP-PLAN-01").doesNotContain("violation LCP-PLAN-01");
    }

    @Test
    void editingAParameterChangesTheNextRun(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        Path params = rules.resolve("params.yaml");
        TestRules.edit(params, "plan_due: 2017-12-31", "plan_due: 2018-06-30");
        String out = CliTest.run("check", "--rules", rules.toString(), "fixtures/03-dalian.yaml").out();
        assertThat(out).doesNotContain("LCP-PLAN-01");
    }

    @Test
    void aDrlSyntaxErrorIsLocatedInTheAuthorsFileAndExitsTwo(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        Path plan = rules.resolve("plan.drl");
        TestRules.edit(plan, "    PilotCity()\n", "    PilotCity(\n");
        CliTest.Run r = CliTest.run("check", "--lang", "en", "--rules", rules.toString(), "fixtures/03-dalian.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(rules.resolve("plan.drl").toString().replace('\\', '/') + ":")
                .contains("nothing was checked");
    }

    @Test
    void aDrlFileThatIsNotUtf8IsNamedAndExitsTwo(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        Path plan = rules.resolve("plan.drl");
        byte[] text = Files.readAllBytes(plan);
        byte[] bad = java.util.Arrays.copyOf(text, text.length + 2);
        bad[text.length] = (byte) 0xFF; // never in UTF-8
        bad[text.length + 1] = '\n';
        Files.write(plan, bad);
        CliTest.Run r = CliTest.run("check", "--lang", "en", "--rules", rules.toString(), "fixtures/03-dalian.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read " + plan + ": java.nio.charset.MalformedInputException");
    }

    @Test
    void missingMetadataIsReportedForEveryRuleAtOnce(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        Path plan = rules.resolve("plan.drl");
        TestRules.edit(plan, "    @clause(\"二（二）\")\n", "");
        Path star = rules.resolve("starred.drl");
        TestRules.edit(star, "@severity(\"violation\")", "@severity(\"fatal\")");
        CliTest.Run r = CliTest.run("rules", "list", "--rules", rules.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("plan.drl:").contains("lacks @clause")
                .contains("starred.drl:").contains("\"fatal\" is not one of");
    }

    @Test
    void aMalformedRegistryIsLocated(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        Path reg = rules.resolve("pilot-cities.yaml");
        TestRules.edit(reg, "peak: \"2020 左右\"", "peak: \"around 2020\"");
        CliTest.Run r = CliTest.run("check", "--lang", "en", "--rules", rules.toString(), "fixtures/03-dalian.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("pilot-cities\\.yaml:\\d+:\\d+: error: peak 'around 2020'");
    }

    @Test
    void theAboutToleranceIsAParameter(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        String jinhua = "fixtures/09-jinhua.yaml"; // annex 2020 左右, commits to 2021
        assertThat(CliTest.run("check", "--rules", rules.toString(), jinhua).out()).doesNotContain("LCP-PEAK-02");
        TestRules.edit(rules.resolve("params.yaml"), "peak_about_tolerance_years: 1", "peak_about_tolerance_years: 0");
        assertThat(CliTest.run("check", "--rules", rules.toString(), jinhua).out())
                .contains("violation LCP-PEAK-02").contains("最晚可接受 2020 年");
    }

    @Test
    void labelsAreDataAndAMalformedOneIsLocated(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        Path params = rules.resolve("params.yaml");
        String huaibei = "fixtures/12-huaibei.yaml"; // its plan leaves out carbon sinks
        TestRules.edit(params, "en: increasing carbon sinks}", "en: carbon sinks such as forests}");
        assertThat(CliTest.run("check", "--lang", "en", "--rules", rules.toString(), huaibei).out())
                .contains("does not cover carbon sinks such as forests");
        TestRules.edit(params, "{zh: 财税政策, en: fiscal and tax policy}", "{zh: 财税政策}");
        CliTest.Run r = CliTest.run("check", "--rules", rules.toString(), huaibei);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("params\\.yaml:\\d+:\\d+: error: labels\\.policies\\.fiscal lacks 'en'");
    }
}
