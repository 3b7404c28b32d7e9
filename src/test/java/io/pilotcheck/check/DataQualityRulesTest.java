package io.pilotcheck.check;

import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pilotcheck.SoundDossier.DALIAN;
import static io.pilotcheck.TestRules.check;
import static io.pilotcheck.TestRules.edit;
import static io.pilotcheck.TestRules.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** LCP-DATA-01: dates after the date the dossier's facts are current to. */
class DataQualityRulesTest {

    private static final String LATE_REPORT = edit(DALIAN, "submitted: 2020-03-20", "submitted: 2020-07-01");

    @Test
    void data01FlagsADateAfterTheDossiersAsOfAsAnError() {
        List<Finding> f = findings(LATE_REPORT, null, "LCP-DATA-01");
        assertThat(f).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(f.get(0).path()).isEqualTo("annual_reports[2].submitted");
        assertThat(f.get(0).message().en()).isEqualTo(
                "Dalian's dossier dates annual_reports[2].submitted 2020-07-01, after 2020-06-30, the date its facts are "
                        + "current to; please check it");
        assertThat(check(LATE_REPORT, null).verdict()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void data01SilentForADateOnTheAsOfDayItself() {
        assertThat(findings(edit(DALIAN, "submitted: 2020-03-20", "submitted: 2020-06-30"), null, "LCP-DATA-01")).isEmpty();
        assertThat(findings(DALIAN, null, "LCP-DATA-01")).isEmpty();
    }

    @Test
    void data01DoesNotFireWhenAnEarlierAsOfReplaysTheDossier() {
        // --as-of 2017-06-01: later dates are "not done yet", not errors
        assertThat(findings(DALIAN, "2017-06-01", "LCP-DATA-01")).isEmpty();
        // ...but a date after the dossier's own as_of stays an error at any --as-of
        assertThat(findings(LATE_REPORT, "2017-06-01", "LCP-DATA-01")).hasSize(1);
        assertThat(findings(LATE_REPORT, "2021-06-30", "LCP-DATA-01")).hasSize(1);
    }

    @Test
    void data01UsesTheRunDateWhenTheDossierHasNoAsOf() {
        // the test run date is 2020-06-30 (TestRules.check)
        String undated = edit(LATE_REPORT, "as_of: 2020-06-30\n", "");
        assertThat(findings(undated, null, "LCP-DATA-01")).hasSize(1);
        assertThat(findings(edit(DALIAN, "as_of: 2020-06-30\n", ""), null, "LCP-DATA-01")).isEmpty();
    }

    @Test
    void data01OneFindingPerDate() {
        String two = edit(LATE_REPORT, "phase_summary_submitted: 2020-01-15", "phase_summary_submitted: 2020-08-01");
        assertThat(findings(two, null, "LCP-DATA-01")).extracting(Finding::path)
                .containsExactlyInAnyOrder("annual_reports[2].submitted", "phase_summary_submitted");
    }
}
