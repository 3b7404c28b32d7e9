package io.pilotcheck.check;

import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static io.pilotcheck.SoundDossier.DALIAN;
import static io.pilotcheck.TestRules.edit;
import static io.pilotcheck.TestRules.findings;
import static io.pilotcheck.TestRules.severities;
import static org.assertj.core.api.Assertions.assertThat;

/** LCP-TIME-01..03: the notice's timetable (三), each deadline's day itself and the day after. */
class TimelineRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LCP-TIME-01, pilot_launched: 2017-02-15, pilot_launched, 2017-02-28",
            "LCP-TIME-02, '  finalized: 2017-02-20', implementation_plan.finalized, 2017-02-28",
            "LCP-TIME-03, phase_summary_submitted: 2020-01-15, phase_summary_submitted, 2020-03-31"})
    void doneOnTheDayIsOnTimeTheDayAfterIsLateByOneDay(String rule, String line, String path, String due) {
        String key = line.substring(0, line.indexOf(':'));
        LocalDate day = LocalDate.parse(due);
        String onDay = edit(DALIAN, line, key + ": " + day);
        String dayAfter = edit(DALIAN, line, key + ": " + day.plusDays(1));
        assertThat(findings(onDay, "2021-06-30", rule)).isEmpty();
        Finding late = findings(dayAfter, "2021-06-30", rule).get(0);
        assertThat(late.severity()).isEqualTo(Severity.VIOLATION);
        assertThat(late.path()).isEqualTo(path);
        assertThat(late.message().en()).contains("on " + day.plusDays(1) + ", 1 day after the " + due + " deadline");
        assertThat(findings(DALIAN, null, rule)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LCP-TIME-01, pilot_launched: 2017-02-15, 2017-02-28",
            "LCP-TIME-02, '  finalized: 2017-02-20', 2017-02-28",
            "LCP-TIME-03, phase_summary_submitted: 2020-01-15, 2020-03-31"})
    void missingIsPendingThroughTheDeadlineDayThenAViolationWithDaysOverdue(String rule, String line, String due) {
        String none = edit(DALIAN, line + "\n", "");
        LocalDate day = LocalDate.parse(due);
        assertThat(severities(none, day.toString(), rule)).containsExactly(Severity.PENDING);
        assertThat(findings(none, day.toString(), rule).get(0).message().en()).contains("due " + due + ", 0 days left");
        assertThat(severities(none, day.plusDays(1).toString(), rule)).containsExactly(Severity.VIOLATION);
        assertThat(findings(none, day.plusDays(1).toString(), rule).get(0).message().en())
                .contains("due " + due + ", 1 day overdue");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LCP-TIME-01, 2017-02-10", "LCP-TIME-03, 2020-01-14"})
    void aDateAfterTheEvaluationDateHasNotHappenedYet(String rule, String before) {
        assertThat(severities(DALIAN, before, rule)).containsExactly(Severity.PENDING);
    }
}
