package io.pilotcheck.check;

import io.pilotcheck.SoundDossier;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pilotcheck.TestRules.check;
import static io.pilotcheck.TestRules.edit;
import static io.pilotcheck.TestRules.of;
import static org.assertj.core.api.Assertions.assertThat;

/** Each core rule shown firing and not firing, with its deadline's boundary days. */
class CoreRulesTest {

    /** A starred pilot that did everything on time. */
    static final String SOUND_STARRED = SoundDossier.DALIAN;

    private static List<Finding> findings(String yaml, String asOf, String rule) {
        return of(check(yaml, asOf), rule);
    }

    @Test
    void aSoundDossierIsCompliantWithNoFindings() {
        var r = check(SOUND_STARRED, null);
        assertThat(r.findings()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.COMPLIANT);
        assertThat(r.city()).isEqualTo("大连市");
    }

    @Nested
    class Registry {
        @Test
        void reg01FiresForANameOutsideTheAnnexWithSuggestions() {
            var r = check("city: 大连\n", "2020-06-30");
            assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("LCP-REG-01");
            Finding f = r.findings().get(0);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message().en()).contains("did you mean 大连市");
            assertThat(f.location().line()).isEqualTo(1);
            assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        }

        @Test
        void reg01FiresWithoutSuggestionsForAFarName() {
            Finding f = findings("city: Beijing Haidian\n", "2020-06-30", "LCP-REG-01").get(0);
            assertThat(f.message().en()).doesNotContain("did you mean");
            Finding near = findings("city: 杭州市\n", "2020-06-30", "LCP-REG-01").get(0);
            assertThat(near.message().zh()).contains("兰州市");
        }

        @Test
        void reg01IsSilentForAnnexAndEnglishNames() {
            assertThat(findings(SOUND_STARRED, null, "LCP-REG-01")).isEmpty();
            assertThat(findings(edit(SOUND_STARRED, "city: 大连市", "city: Dalian"), null, "LCP-REG-01")).isEmpty();
        }

        @Test
        void reg02FiresOncePerDisagreement() {
            String wrong = edit(edit(edit(SOUND_STARRED, "province: 辽宁", "province: 吉林"),
                    "pilot_no: 3", "pilot_no: 4"), "starred: true", "starred: false");
            List<Finding> f = findings(wrong, null, "LCP-REG-02");
            assertThat(f).extracting(Finding::path).containsExactlyInAnyOrder("province", "pilot_no", "starred");
            assertThat(f).allMatch(x -> x.severity() == Severity.VIOLATION);
            assertThat(f).anyMatch(x -> x.message().en().contains("'吉林'") && x.message().en().contains("'辽宁'"));
        }

        @Test
        void reg02IsSilentWhenAgreeingOrNotStated() {
            assertThat(findings(edit(SOUND_STARRED, "province: 辽宁", "province: 辽宁省"), null, "LCP-REG-02"))
                    .isEmpty();
            assertThat(findings("city: 大连市\nas_of: 2017-01-10\n", null, "LCP-REG-02")).isEmpty();
        }
    }

    @Nested
    class Plan {
        String noPlan = edit(SOUND_STARRED, "  adopted: 2017-08-01\n", "");

        @Test
        void missingAfterTheDeadlineIsAViolationWithDaysOverdue() {
            List<Finding> f = findings(noPlan, "2018-01-01", "LCP-PLAN-01");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.get(0).message().en()).contains("due 2017-12-31, 1 day overdue");
            assertThat(f.get(0).location().line()).isEqualTo(10); // the low_carbon_plan mapping
        }

        @Test
        void missingOnTheDeadlineDayIsStillPending() {
            List<Finding> f = findings(noPlan, "2017-12-31", "LCP-PLAN-01");
            assertThat(f).extracting(Finding::severity).containsExactly(Severity.PENDING);
        }

        @Test
        void adoptedOnTheDeadlineDayIsOnTime() {
            String onTime = edit(SOUND_STARRED, "adopted: 2017-08-01", "adopted: 2017-12-31");
            assertThat(findings(onTime, null, "LCP-PLAN-01")).isEmpty();
        }

        @Test
        void adoptedTheDayAfterIsLateByOneDay() {
            String late = edit(SOUND_STARRED, "adopted: 2017-08-01", "adopted: 2018-01-01");
            List<Finding> f = findings(late, null, "LCP-PLAN-01");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.get(0).message().en()).contains("on 2018-01-01, 1 day after the 2017-12-31 deadline");
            assertThat(f.get(0).path()).isEqualTo("low_carbon_plan.adopted");
        }

        @Test
        void anAdoptionAfterTheEvaluationDateHasNotHappenedYet() {
            String late = edit(SOUND_STARRED, "adopted: 2017-08-01", "adopted: 2018-01-01");
            assertThat(findings(late, "2017-06-01", "LCP-PLAN-01")).extracting(Finding::severity)
                    .containsExactly(Severity.PENDING);
        }
    }

    @Nested
    class Inventory {
        @Test
        void noInventoryIsAViolationAfterTheDeadline() {
            String none = edit(SOUND_STARRED,
                    "ghg_inventory:\n  - year: 2015\n    completed: 2016-11-30\n  - year: 2018\n    completed: 2019-10-15\n", "");
            List<Finding> f = findings(none, null, "LCP-CAP-02");
            assertThat(f).extracting(Finding::severity).containsExactly(Severity.VIOLATION);
            assertThat(f.get(0).message().zh()).contains("温室气体排放清单");
            assertThat(findings(none, "2017-12-31", "LCP-CAP-02")).extracting(Finding::severity)
                    .containsExactly(Severity.PENDING);
        }

        @Test
        void anEntryWithoutACompletionDateDoesNotCount() {
            String undated = edit(edit(SOUND_STARRED, "    completed: 2016-11-30\n", ""), "    completed: 2019-10-15\n", "");
            assertThat(findings(undated, null, "LCP-CAP-02")).hasSize(1);
        }

        @Test
        void aLateFirstInventoryIsLate() {
            String late = edit(SOUND_STARRED, "completed: 2016-11-30", "completed: 2018-01-10");
            assertThat(findings(late, null, "LCP-CAP-02").get(0).message().en()).contains("10 days after");
        }

        @Test
        void silentWhenCompletedInTime() {
            assertThat(findings(SOUND_STARRED, null, "LCP-CAP-02")).isEmpty();
        }
    }

    @Nested
    class AnnualReports {
        @Test
        void rpt01OneFindingPerMissingYear() {
            String none = SOUND_STARRED.substring(0, SOUND_STARRED.indexOf("annual_reports:"));
            List<Finding> f = findings(none, "2020-06-30", "LCP-RPT-01");
            assertThat(f).hasSize(3).allMatch(x -> x.severity() == Severity.VIOLATION);
            assertThat(f).extracting(x -> x.message().en()).anyMatch(m -> m.contains("for 2017"))
                    .anyMatch(m -> m.contains("for 2018")).anyMatch(m -> m.contains("for 2019"));
        }

        @Test
        void rpt01PendingUntilMarch31OfTheNextYear() {
            String none = SOUND_STARRED.substring(0, SOUND_STARRED.indexOf("annual_reports:"));
            assertThat(findings(none, "2018-03-31", "LCP-RPT-01")).extracting(Finding::severity)
                    .containsExactly(Severity.PENDING);
            assertThat(findings(none, "2018-04-01", "LCP-RPT-01")).extracting(Finding::severity)
                    .containsExactly(Severity.VIOLATION);
            // the current year has not ended: nothing is asked for it yet
            assertThat(findings(none, "2017-12-31", "LCP-RPT-01")).isEmpty();
        }

        @Test
        void rpt01SilentWhenEveryYearIsFiled() {
            assertThat(findings(SOUND_STARRED, null, "LCP-RPT-01")).isEmpty();
        }

        @Test
        void rpt02WarnsOfALateReportWithItsDays() {
            String late = edit(SOUND_STARRED, "submitted: 2019-03-28", "submitted: 2019-04-01");
            List<Finding> f = findings(late, null, "LCP-RPT-02");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
            assertThat(f.get(0).message().en()).contains("for 2018 on 2019-04-01, 1 day after");
            assertThat(f.get(0).path()).isEqualTo("annual_reports[1].submitted");
            // filed on the due day itself: on time
            String onDay = edit(SOUND_STARRED, "submitted: 2019-03-28", "submitted: 2019-03-31");
            assertThat(findings(onDay, null, "LCP-RPT-02")).isEmpty();
        }

        @Test
        void rpt03FlagsADuplicateYear() {
            String dup = SOUND_STARRED + "  - year: 2018\n    submitted: 2019-03-29\n";
            List<Finding> f = findings(dup, null, "LCP-RPT-03");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).path()).isEqualTo("annual_reports[3].year");
            assertThat(f.get(0).message().en()).contains("2018 twice").contains("entry 2");
        }

        @Test
        void rpt03FlagsAReportDatedBeforeItsYearEnded() {
            String early = edit(SOUND_STARRED, "submitted: 2019-03-28", "submitted: 2018-12-31");
            List<Finding> f = findings(early, null, "LCP-RPT-03");
            assertThat(f).extracting(Finding::path).containsExactly("annual_reports[1].submitted");
            String firstDay = edit(SOUND_STARRED, "submitted: 2019-03-28", "submitted: 2019-01-01");
            assertThat(findings(firstDay, null, "LCP-RPT-03")).isEmpty();
        }

        @Test
        void rpt03SilentForAConsistentSeries() {
            assertThat(findings(SOUND_STARRED, null, "LCP-RPT-03")).isEmpty();
        }
    }

    @Nested
    class Starred {
        @Test
        void star01RevisionDueOn26January2017() {
            String onDay = edit(SOUND_STARRED, "revision_submitted: 2017-01-20", "revision_submitted: 2017-01-26");
            assertThat(findings(onDay, null, "LCP-STAR-01")).isEmpty();
            String dayAfter = edit(SOUND_STARRED, "revision_submitted: 2017-01-20", "revision_submitted: 2017-01-27");
            List<Finding> f = findings(dayAfter, null, "LCP-STAR-01");
            assertThat(f).hasSize(1);
            assertThat(f.get(0).message().en()).contains("1 day after the 2017-01-26 deadline");
        }

        @Test
        void star01MissingIsPendingThenAViolation() {
            String none = edit(SOUND_STARRED, "  revision_submitted: 2017-01-20\n", "");
            assertThat(findings(none, "2017-01-26", "LCP-STAR-01")).extracting(Finding::severity)
                    .containsExactly(Severity.PENDING);
            assertThat(findings(none, "2017-01-27", "LCP-STAR-01")).extracting(Finding::severity)
                    .containsExactly(Severity.VIOLATION);
        }

        @Test
        void starRulesDoNotApplyToUnstarredCities() {
            String shenyang = "city: 沈阳市\nas_of: 2020-06-30\n";
            assertThat(findings(shenyang, null, "LCP-STAR-01")).isEmpty();
            assertThat(findings(shenyang, null, "LCP-STAR-02")).isEmpty();
        }

        @Test
        void star02TellsNotReportedFromReportedFalse() {
            String absent = edit(SOUND_STARRED, "  expert_review_addressed: true\n", "");
            String no = edit(SOUND_STARRED, "expert_review_addressed: true", "expert_review_addressed: false");
            Finding a = findings(absent, null, "LCP-STAR-02").get(0);
            Finding n = findings(no, null, "LCP-STAR-02").get(0);
            assertThat(a.message().en()).contains("does not report whether");
            assertThat(n.message().en()).contains("reports that its revised plan does not");
            assertThat(n.location().line()).isEqualTo(9);
            assertThat(a.severity()).isEqualTo(Severity.VIOLATION);
        }

        @Test
        void star02IsPendingWhileTheRevisionIsNotYetDue() {
            String absent = "city: 大连市\nas_of: 2017-01-10\n";
            assertThat(findings(absent, null, "LCP-STAR-02")).extracting(Finding::severity)
                    .containsExactly(Severity.PENDING);
        }

        @Test
        void star02SilentWhenAddressed() {
            assertThat(findings(SOUND_STARRED, null, "LCP-STAR-02")).isEmpty();
        }
    }
}
