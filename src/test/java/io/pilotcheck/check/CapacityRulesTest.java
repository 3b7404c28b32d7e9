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
 * LCP-CAP-01/03/04 (二（五） management capacity) and LCP-ORG-01 (四（一） leadership). LCP-CAP-02
 * has its tests in {@link CoreRulesTest}.
 */
class CapacityRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"leading_group, low-carbon organisation (leading group)", "coordination_mechanism, coordination mechanism"})
    void cap01OneFindingPerMissingPartTellingAbsentFromFalse(String key, String label) {
        String absent = edit(DALIAN, "  " + key + ": true\n", "");
        String no = edit(DALIAN, key + ": true", key + ": false");
        List<Finding> a = findings(absent, null, "LCP-CAP-01");
        List<Finding> n = findings(no, null, "LCP-CAP-01");
        assertThat(a).extracting(x -> x.message().en()).containsExactly(
                "Dalian does not report whether it has a " + label + " (due 2017-02-28, 1218 days overdue)");
        assertThat(n).extracting(x -> x.message().en()).containsExactly(
                "Dalian reports that it has no " + label + " (due 2017-02-28, 1218 days overdue)");
        assertThat(n.get(0).path()).isEqualTo("governance." + key);
        assertThat(n.get(0).severity()).isEqualTo(Severity.VIOLATION);
    }

    @Test
    void cap01BothPartsMissingAreTwoFindingsPendingUntilTheLaunchDeadline() {
        String none = edit(DALIAN, "  leading_group: true\n  coordination_mechanism: true\n", "");
        assertThat(severities(none, "2017-02-28", "LCP-CAP-01")).containsExactly(Severity.PENDING, Severity.PENDING);
        assertThat(severities(none, "2017-03-01", "LCP-CAP-01")).containsExactly(Severity.VIOLATION, Severity.VIOLATION);
        assertThat(findings(DALIAN, null, "LCP-CAP-01")).isEmpty();
    }

    @Test
    void cap03WarnsWhenTheNewestInventoryIsOlderThanTheLimit() {
        // newest inventory covers 2018: three years before 2021 is allowed, four before 2022 is not
        assertThat(findings(DALIAN, "2021-12-31", "LCP-CAP-03")).isEmpty();
        List<Finding> f = findings(DALIAN, "2022-01-01", "LCP-CAP-03");
        assertThat(f).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(f.get(0).path()).isEqualTo("ghg_inventory[1].year");
        assertThat(f.get(0).message().en()).isEqualTo(
                "Dalian's newest greenhouse-gas inventory covers 2018, 4 years before 2022 (at most 3 allowed)");
    }

    @Test
    void cap03IgnoresAnInventoryCompletedAfterTheEvaluationDate() {
        // as of 2019-06-30 the 2018 inventory (completed 2019-10-15) does not exist yet: 2015 is the newest
        assertThat(findings(DALIAN, "2019-06-30", "LCP-CAP-03")).extracting(Finding::path)
                .containsExactly("ghg_inventory[0].year");
        assertThat(findings(DALIAN, "2018-12-31", "LCP-CAP-03")).isEmpty();
    }

    @Test
    void cap03SilentWithoutAnyInventoryLeavingThatToCap02() {
        String none = edit(DALIAN,
                "ghg_inventory:\n  - year: 2015\n    completed: 2016-11-30\n  - year: 2018\n    completed: 2019-10-15\n", "");
        assertThat(findings(none, null, "LCP-CAP-03")).isEmpty();
        assertThat(findings(none, null, "LCP-CAP-02")).hasSize(1);
    }

    @Test
    void cap04OneFindingPerMissingDataSystemPart() {
        String one = edit(DALIAN, "data_system: [statistics, monitoring, accounting]", "data_system: [statistics]");
        List<Finding> f = findings(one, null, "LCP-CAP-04");
        assertThat(f).extracting(x -> x.message().en()).containsExactlyInAnyOrder(
                "Dalian has no emission-data monitoring system (due 2017-12-31, 912 days overdue)",
                "Dalian has no emission-data accounting system (due 2017-12-31, 912 days overdue)");
        assertThat(f).allMatch(x -> x.severity() == Severity.VIOLATION && x.path().equals("data_system"));
        String absent = edit(DALIAN, "data_system: [statistics, monitoring, accounting]\n", "");
        assertThat(findings(absent, null, "LCP-CAP-04")).hasSize(3)
                .allMatch(x -> x.message().en().contains("does not report its emission data systems"));
        assertThat(findings(DALIAN, null, "LCP-CAP-04")).isEmpty();
    }

    @Test
    void cap04IsPendingUntilItsDueDate() {
        String one = edit(DALIAN, "data_system: [statistics, monitoring, accounting]", "data_system: [statistics, monitoring]");
        assertThat(severities(one, "2017-12-31", "LCP-CAP-04")).containsExactly(Severity.PENDING);
        assertThat(severities(one, "2018-01-01", "LCP-CAP-04")).containsExactly(Severity.VIOLATION);
    }

    @Test
    void org01TellsAbsentFromFalseAndIsPendingUntilTheLaunchDeadline() {
        String absent = edit(DALIAN, "  principal_leader_in_charge: true\n", "");
        String no = edit(DALIAN, "principal_leader_in_charge: true", "principal_leader_in_charge: false");
        assertThat(findings(absent, null, "LCP-ORG-01").get(0).message().en())
                .startsWith("Dalian does not report whether its principal leader is personally in charge");
        assertThat(findings(no, null, "LCP-ORG-01").get(0).message().zh())
                .startsWith("大连市报告主要领导未亲自抓试点工作");
        assertThat(severities(no, "2017-02-28", "LCP-ORG-01")).containsExactly(Severity.PENDING);
        assertThat(severities(no, "2017-03-01", "LCP-ORG-01")).containsExactly(Severity.WARNING);
        assertThat(findings(DALIAN, null, "LCP-ORG-01")).isEmpty();
    }
}
