package io.pilotcheck.check;

import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pilotcheck.SoundDossier.DALIAN;
import static io.pilotcheck.TestRules.edit;
import static io.pilotcheck.TestRules.findings;
import static io.pilotcheck.TestRules.severities;
import static org.assertj.core.api.Assertions.assertThat;

/** LCP-INNO-01..04: the annex's innovation focuses and the 二（四） policies. 大连市 has three focuses. */
class InnovationRulesTest {

    private static final String FOCUS_2 = "  - focus: 2\n    status: in_progress\n";
    private static final String FOCUS_3 = "  - focus: 3\n    status: in_progress\n";

    @Test
    void inno01OneFindingPerMissingFocusNamingTheAnnexText() {
        String onlyOne = edit(edit(DALIAN, FOCUS_2, ""), FOCUS_3, "");
        List<Finding> f = findings(onlyOne, null, "LCP-INNO-01");
        assertThat(f).extracting(x -> x.message().zh()).containsExactly(
                "大连市没有针对附件创新重点 2“建立“碳标识”制度”的举措（截止日期 2017-12-31，已逾期 912 天）",
                "大连市没有针对附件创新重点 3“建立绿色低碳供应链制度”的举措（截止日期 2017-12-31，已逾期 912 天）");
        assertThat(f).allMatch(x -> x.severity() == Severity.VIOLATION && x.path().equals("innovations"));
        assertThat(f.get(0).message().en()).contains("innovation focus 2, '建立“碳标识”制度'");
    }

    @Test
    void inno01IsPendingThroughTheFirstYear() {
        String none = edit(DALIAN, FOCUS_3, "");
        assertThat(severities(none, "2017-12-31", "LCP-INNO-01")).containsExactly(Severity.PENDING);
        assertThat(severities(none, "2018-01-01", "LCP-INNO-01")).containsExactly(Severity.VIOLATION);
    }

    @Test
    void inno01CountsAnInitiativeWhateverItsStatus() {
        assertThat(findings(DALIAN, null, "LCP-INNO-01")).isEmpty();
        String planned = edit(DALIAN, "focus: 3\n    status: in_progress", "focus: 3\n    status: planned");
        assertThat(findings(planned, null, "LCP-INNO-01")).isEmpty();
    }

    @Test
    void inno02WarnsOfAnInitiativeStillPlannedAfterThePhase() {
        String planned = edit(DALIAN, "focus: 3\n    status: in_progress", "focus: 3\n    status: planned");
        List<Finding> after = findings(planned, "2020-01-01", "LCP-INNO-02");
        assertThat(after).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(after.get(0).path()).isEqualTo("innovations[2].status");
        assertThat(after.get(0).message().en()).contains("focus 3, '建立绿色低碳供应链制度', is still only planned")
                .contains("(2019-12-31)");
        assertThat(severities(planned, "2019-12-31", "LCP-INNO-02")).containsExactly(Severity.PENDING);
    }

    @Test
    void inno02SilentForInitiativesUnderWayOrAchieved() {
        assertThat(findings(DALIAN, "2021-06-30", "LCP-INNO-02")).isEmpty();
    }

    @Test
    void inno03OneFindingPerMissingPolicyKind() {
        String one = edit(DALIAN, "policies: [industrial, fiscal, technology]", "policies: [fiscal]");
        List<Finding> f = findings(one, null, "LCP-INNO-03");
        assertThat(f).extracting(x -> x.message().en()).containsExactlyInAnyOrder(
                "Dalian has issued no low-carbon industrial policy (due 2019-12-31, 182 days overdue)",
                "Dalian has issued no low-carbon technology-promotion policy (due 2019-12-31, 182 days overdue)");
        assertThat(f).allMatch(x -> x.severity() == Severity.WARNING && x.path().equals("policies"));
        assertThat(findings(DALIAN, null, "LCP-INNO-03")).isEmpty();
    }

    @Test
    void inno03TellsPoliciesNotReportedFromNoneIssued() {
        String absent = edit(DALIAN, "policies: [industrial, fiscal, technology]\n", "");
        String none = edit(DALIAN, "policies: [industrial, fiscal, technology]", "policies: []");
        assertThat(findings(absent, null, "LCP-INNO-03")).hasSize(3)
                .allMatch(x -> x.message().en().contains("does not report which low-carbon policies"));
        assertThat(findings(none, null, "LCP-INNO-03")).hasSize(3)
                .allMatch(x -> x.message().en().contains("has issued no"));
    }

    @Test
    void inno03IsPendingUntilThePhaseEnds() {
        String none = edit(DALIAN, "policies: [industrial, fiscal, technology]", "policies: [industrial, fiscal]");
        assertThat(severities(none, "2019-12-31", "LCP-INNO-03")).containsExactly(Severity.PENDING);
        assertThat(severities(none, "2020-01-01", "LCP-INNO-03")).containsExactly(Severity.WARNING);
    }

    @Test
    void inno04FlagsAFocusNumberTheAnnexDoesNotListForTheCity() {
        String four = edit(DALIAN, FOCUS_3, FOCUS_3 + "  - focus: 4\n    status: planned\n");
        List<Finding> f = findings(four, null, "LCP-INNO-04");
        assertThat(f).extracting(Finding::severity).containsExactly(Severity.VIOLATION);
        assertThat(f.get(0).path()).isEqualTo("innovations[3].focus");
        assertThat(f.get(0).message().en()).isEqualTo(
                "Dalian has an initiative for innovation focus 4, but the annex lists only 3 focus(es) for the city");
        String zero = edit(DALIAN, "  - focus: 1\n", "  - focus: 0\n");
        assertThat(findings(zero, null, "LCP-INNO-04")).hasSize(1);
        assertThat(findings(DALIAN, null, "LCP-INNO-04")).isEmpty();
    }
}
