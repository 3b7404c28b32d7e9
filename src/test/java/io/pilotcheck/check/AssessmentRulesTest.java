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

/** LCP-TGT-01..04: the target-responsibility and assessment system, due 2017-12-31 (a parameter). */
class AssessmentRulesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"LCP-TGT-01, allocated_to_districts, VIOLATION, subordinate administrative areas",
            "LCP-TGT-02, allocated_to_key_enterprises, VIOLATION, key enterprises",
            "LCP-TGT-04, tracking_evaluation, WARNING, track"})
    void yesNoPartsTellAbsentFromFalse(String rule, String key, Severity severity, String words) {
        String absent = edit(DALIAN, "  " + key + ": true\n", "");
        String no = edit(DALIAN, key + ": true", key + ": false");
        Finding a = findings(absent, null, rule).get(0);
        Finding n = findings(no, null, rule).get(0);
        assertThat(List.of(a.severity(), n.severity())).containsOnly(severity);
        assertThat(a.message().en()).contains("does not report whether").contains(words).contains("912 days overdue");
        assertThat(n.message().en()).contains("reports that").contains(words);
        assertThat(n.path()).isEqualTo("target_assessment." + key);
        assertThat(n.location().line()).isGreaterThan(19);
        assertThat(findings(DALIAN, null, rule)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LCP-TGT-01, allocated_to_districts", "LCP-TGT-02, allocated_to_key_enterprises",
            "LCP-TGT-04, tracking_evaluation"})
    void pendingUntilTheAssessmentIsDue(String rule, String key) {
        String no = edit(DALIAN, key + ": true", key + ": false");
        assertThat(severities(no, "2017-12-31", rule)).containsExactly(Severity.PENDING);
        assertThat(severities(no, "2018-01-01", rule)).hasSize(1).doesNotContain(Severity.PENDING);
    }

    @Test
    void tgt03MethodIssuedOnTheDeadlineDayIsOnTimeTheDayAfterIsLate() {
        String onDay = edit(DALIAN, "method_issued: 2017-11-01", "method_issued: 2017-12-31");
        String dayAfter = edit(DALIAN, "method_issued: 2017-11-01", "method_issued: 2018-01-01");
        assertThat(findings(onDay, null, "LCP-TGT-03")).isEmpty();
        List<Finding> f = findings(dayAfter, null, "LCP-TGT-03");
        assertThat(f).extracting(Finding::severity).containsExactly(Severity.VIOLATION);
        assertThat(f.get(0).message().en()).isEqualTo(
                "Dalian issued its indicator-decomposition and assessment method on 2018-01-01, 1 day after the 2017-12-31 deadline");
        assertThat(f.get(0).path()).isEqualTo("target_assessment.method_issued");
    }

    @Test
    void tgt03MissingIsPendingThroughTheDeadlineDayThenAViolation() {
        String none = edit(DALIAN, "  method_issued: 2017-11-01\n", "");
        assertThat(severities(none, "2017-12-31", "LCP-TGT-03")).containsExactly(Severity.PENDING);
        assertThat(severities(none, "2018-01-01", "LCP-TGT-03")).containsExactly(Severity.VIOLATION);
        assertThat(findings(none, "2018-01-01", "LCP-TGT-03").get(0).message().zh())
                .isEqualTo("大连市未报告出台碳排放指标分解和考核办法：截止日期 2017-12-31，已逾期 1 天");
        assertThat(findings(DALIAN, null, "LCP-TGT-03")).isEmpty();
    }
}
