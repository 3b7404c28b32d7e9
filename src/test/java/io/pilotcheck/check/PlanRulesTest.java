package io.pilotcheck.check;

import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.pilotcheck.SoundDossier.DALIAN;
import static io.pilotcheck.TestRules.edit;
import static io.pilotcheck.TestRules.findings;
import static io.pilotcheck.TestRules.severities;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LCP-PLAN-02..05: what an adopted low-carbon plan contains, due with the plan (parameter
 * {@code plan_due}, 2017-12-31). LCP-PLAN-01 has its tests in {@link CoreRulesTest}.
 */
class PlanRulesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"LCP-PLAN-02, in_development_plan, VIOLATION", "LCP-PLAN-03, in_government_work, VIOLATION",
            "LCP-PLAN-05, urbanization, WARNING"})
    void yesNoPartsTellAbsentFromFalse(String rule, String key, Severity severity) {
        String absent = edit(DALIAN, "  " + key + ": true\n", "");
        String no = edit(DALIAN, key + ": true", key + ": false");
        Finding a = findings(absent, null, rule).get(0);
        Finding n = findings(no, null, rule).get(0);
        assertThat(a.severity()).isEqualTo(severity);
        assertThat(n.severity()).isEqualTo(severity);
        assertThat(a.message().en()).contains("does not report whether").contains("due 2017-12-31, 912 days overdue");
        assertThat(n.message().en()).contains("reports that").contains("not");
        assertThat(a.message().zh()).contains("未报告");
        assertThat(n.message().zh()).contains("报告").doesNotContain("未报告");
        assertThat(n.path()).isEqualTo("low_carbon_plan." + key);
        assertThat(findings(DALIAN, null, rule)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LCP-PLAN-02, in_development_plan", "LCP-PLAN-03, in_government_work", "LCP-PLAN-05, urbanization"})
    void pendingUntilThePlanIsDueThenAFinding(String rule, String key) {
        String absent = edit(DALIAN, "  " + key + ": true\n", "");
        assertThat(severities(absent, "2017-12-31", rule)).containsExactly(Severity.PENDING);
        assertThat(findings(absent, "2017-12-31", rule).get(0).message().en()).contains("0 days left");
        assertThat(severities(absent, "2018-01-01", rule)).doesNotContain(Severity.PENDING).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LCP-PLAN-02", "LCP-PLAN-03", "LCP-PLAN-04", "LCP-PLAN-05"})
    void contentIsJudgedOnlyOnceAPlanIsAdopted(String rule) {
        String emptyPlan = "city: 大连市\nas_of: 2020-06-30\nlow_carbon_plan:\n  peak_year: 2025\n";
        assertThat(findings(emptyPlan, null, rule)).isEmpty();
        assertThat(findings(emptyPlan, null, "LCP-PLAN-01")).hasSize(1);
        // adopted after the evaluation date: not adopted yet
        String later = edit(DALIAN, "adopted: 2017-08-01", "adopted: 2019-08-01");
        String laterBare = edit(edit(edit(later, "  in_development_plan: true\n", ""), "  in_government_work: true\n", ""),
                "  urbanization: true\n", "");
        assertThat(findings(edit(laterBare, "  levers: [industrial_structure, energy_structure, energy_conservation,"
                + " carbon_sinks]\n", ""), "2019-07-31", rule)).isEmpty();
    }

    @Test
    void plan04GivesOneFindingPerMissingLeverNamingIt() {
        String two = edit(DALIAN, "levers: [industrial_structure, energy_structure, energy_conservation, carbon_sinks]",
                "levers: [industrial_structure, energy_conservation]");
        List<Finding> f = findings(two, null, "LCP-PLAN-04");
        assertThat(f).extracting(x -> x.message().en()).containsExactlyInAnyOrder(
                "Dalian's low-carbon plan does not cover optimising the energy structure (due 2017-12-31, 912 days overdue)",
                "Dalian's low-carbon plan does not cover increasing carbon sinks (due 2017-12-31, 912 days overdue)");
        assertThat(f).extracting(x -> x.message().zh()).anyMatch(m -> m.contains("“优化能源结构”"));
        assertThat(f).allMatch(x -> x.severity() == Severity.WARNING && x.path().equals("low_carbon_plan.levers"));
    }

    @Test
    void plan04TellsLeversNotReportedFromAnEmptyList() {
        String absent = edit(DALIAN, "  levers: [industrial_structure, energy_structure, energy_conservation, carbon_sinks]\n", "");
        String empty = edit(DALIAN, "levers: [industrial_structure, energy_structure, energy_conservation, carbon_sinks]",
                "levers: []");
        assertThat(findings(absent, null, "LCP-PLAN-04")).hasSize(4)
                .allMatch(x -> x.message().en().contains("does not report which levers"));
        assertThat(findings(empty, null, "LCP-PLAN-04")).hasSize(4)
                .allMatch(x -> x.message().en().contains("does not cover"));
    }

    @Test
    void plan04IsPendingPerLeverUntilThePlanIsDue() {
        String one = edit(DALIAN, "levers: [industrial_structure, energy_structure, energy_conservation, carbon_sinks]",
                "levers: [industrial_structure, energy_structure, energy_conservation]");
        assertThat(severities(one, "2017-12-31", "LCP-PLAN-04")).containsExactly(Severity.PENDING);
        assertThat(severities(one, "2018-01-01", "LCP-PLAN-04")).containsExactly(Severity.WARNING);
        assertThat(findings(DALIAN, null, "LCP-PLAN-04")).isEmpty();
    }
}
