package io.pilotcheck.check;

import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.pilotcheck.SoundDossier.DALIAN;
import static io.pilotcheck.TestRules.edit;
import static io.pilotcheck.TestRules.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** LCP-PEAK-01..04: the peak target, against each of the annex's four ways of writing a peak year. */
class PeakRulesTest {

    private static String city(String name, int target) {
        return "city: " + name + "\nas_of: 2020-06-30\npeak_target_year: " + target + "\n";
    }

    @Nested
    class Stated {
        @Test
        void peak01FiresWhenNoTargetIsStatedAndNamesTheAnnexPeak() {
            String none = edit(DALIAN, "peak_target_year: 2025\n", "");
            List<Finding> f = findings(none, null, "LCP-PEAK-01");
            assertThat(f).extracting(Finding::severity).containsExactly(Severity.VIOLATION);
            assertThat(f.get(0).message().en()).contains("Dalian states no carbon-peak year target").contains("'2025'");
            assertThat(f.get(0).clause()).isEqualTo("一, annex");
            // a target is a commitment from the application on: no grace period
            assertThat(findings(none, "2017-01-08", "LCP-PEAK-01")).hasSize(1);
        }

        @Test
        void peak01SilentWhenStated() {
            assertThat(findings(DALIAN, null, "LCP-PEAK-01")).isEmpty();
        }
    }

    @Nested
    class NoLaterThanTheAnnex {
        @ParameterizedTest(name = "{0} (annex {1}) committing to {2}: {3} finding(s)")
        @CsvSource({
                "大连市, 2025, 2025, 0", "大连市, 2025, 2020, 0", "大连市, 2025, 2026, 1",
                "金华市, 2020 左右, 2020, 0", "金华市, 2020 左右, 2021, 0", "金华市, 2020 左右, 2022, 1",
                "中山市, 2023-2025, 2023, 0", "中山市, 2023-2025, 2025, 0", "中山市, 2023-2025, 2026, 1",
                "成都市, 2025 之前, 2024, 0", "成都市, 2025 之前, 2025, 0", "成都市, 2025 之前, 2026, 1"})
        void peak02KeepsEachKindsMeaning(String name, String annex, int target, int expected) {
            List<Finding> f = findings(city(name, target), null, "LCP-PEAK-02");
            assertThat(f).hasSize(expected);
            f.forEach(x -> {
                assertThat(x.severity()).isEqualTo(Severity.VIOLATION);
                assertThat(x.message().zh()).contains("“" + annex + "”").contains(String.valueOf(target));
                assertThat(x.path()).isEqualTo("peak_target_year");
            });
        }

        @Test
        void peak02NamesTheLatestAcceptableYear() {
            Finding about = findings(city("金华市", 2022), null, "LCP-PEAK-02").get(0);
            assertThat(about.message().en()).isEqualTo(
                    "Jinhua's peak year target 2022 is later than the annex's '2020 左右' (latest acceptable: 2021)");
            Finding range = findings(city("中山市", 2026), null, "LCP-PEAK-02").get(0);
            assertThat(range.message().en()).contains("(latest acceptable: 2025)");
        }

        @Test
        void peak02SilentWithoutATarget() {
            assertThat(findings("city: 大连市\nas_of: 2020-06-30\n", null, "LCP-PEAK-02")).isEmpty();
        }
    }

    @Nested
    class PlanAgreesWithTarget {
        @Test
        void peak03WarnsWhenThePlanGivesAnotherYear() {
            String other = edit(DALIAN, "  peak_year: 2025\n", "  peak_year: 2024\n");
            List<Finding> f = findings(other, null, "LCP-PEAK-03");
            assertThat(f).extracting(Finding::severity).containsExactly(Severity.WARNING);
            assertThat(f.get(0).message().en()).contains("plan gives peak year 2024, but its peak year target is 2025");
            assertThat(f.get(0).path()).isEqualTo("low_carbon_plan.peak_year");
        }

        @Test
        void peak03SilentWhenEqualOrEitherIsMissing() {
            assertThat(findings(DALIAN, null, "LCP-PEAK-03")).isEmpty();
            assertThat(findings(edit(DALIAN, "  peak_year: 2025\n", ""), null, "LCP-PEAK-03")).isEmpty();
            assertThat(findings(edit(DALIAN, "peak_target_year: 2025\n", ""), null, "LCP-PEAK-03")).isEmpty();
        }
    }

    @Nested
    class EmissionsAfterThePeak {
        private String series(String name, String... yearLevels) {
            StringBuilder s = new StringBuilder("city: " + name + "\nemissions:\n");
            for (String yl : yearLevels) {
                String[] p = yl.split("=");
                s.append("  - {year: ").append(p[0]).append(", mt_co2e: ").append(p[1]).append("}\n");
            }
            return s.toString();
        }

        @Test
        void peak04ReportsThePeakFoundItsLevelAndTheLaterYear() {
            String yantai = series("烟台市", "2016=60.0", "2017=61.0", "2018=61.8");
            List<Finding> f = findings(yantai, "2019-06-30", "LCP-PEAK-04");
            assertThat(f).extracting(Finding::severity).containsExactly(Severity.WARNING);
            assertThat(f.get(0).message().en()).isEqualTo("Yantai's emissions in 2018, 61.8 Mt CO2e, exceed the peak "
                    + "found (61.0 Mt CO2e in 2017); the annex's peak year is '2017'");
            assertThat(f.get(0).path()).isEqualTo("emissions[2].mt_co2e");
            assertThat(f.get(0).location().line()).isEqualTo(5);
        }

        @Test
        void peak04CountsOnlyYearsThatHaveEnded() {
            String yantai = series("烟台市", "2017=61.0", "2018=61.8");
            assertThat(findings(yantai, "2018-12-31", "LCP-PEAK-04")).isEmpty();
            assertThat(findings(yantai, "2019-01-01", "LCP-PEAK-04")).hasSize(1);
        }

        @Test
        void peak04OneFindingPerExceedingYear() {
            String yantai = series("烟台市", "2017=61.0", "2018=61.8", "2019=60.5", "2020=62.4");
            assertThat(findings(yantai, "2021-06-30", "LCP-PEAK-04")).extracting(Finding::path)
                    .containsExactly("emissions[1].mt_co2e", "emissions[3].mt_co2e");
        }

        @Test
        void peak04SilentWhenLaterYearsStayAtOrBelowThePeak() {
            assertThat(findings(series("烟台市", "2017=61.0", "2018=61.0", "2019=59.0"), "2021-06-30", "LCP-PEAK-04"))
                    .isEmpty();
        }

        @Test
        void peak04JudgesAgainstAnEarlierHigherPeak() {
            // peaked in 2015, below that ever since: the target year's own level is not the bar
            String early = series("烟台市", "2015=65.0", "2017=61.0", "2018=62.0");
            assertThat(findings(early, "2020-06-30", "LCP-PEAK-04")).isEmpty();
        }

        @Test
        void peak04SilentBeforeThePeakYearOrWithoutAYearToCompare() {
            assertThat(findings(DALIAN, null, "LCP-PEAK-04")).isEmpty(); // rising, but the annex peak is 2025
            assertThat(findings(series("烟台市", "2018=61.8", "2019=62.0"), "2021-06-30", "LCP-PEAK-04")).isEmpty();
        }

        @ParameterizedTest(name = "{0} (annex {1}): {3} above {2} seen at {4}: {5} finding(s)")
        @CsvSource({
                "金华市, 2020 左右, 2020=10.0, 2021=10.5, 2023-01-01, 0",
                "金华市, 2020 左右, 2020=10.0, 2022=10.5, 2023-01-01, 1",
                "中山市, 2023-2025, 2023=20.0, 2025=20.5, 2026-06-30, 0",
                "中山市, 2023-2025, 2023=20.0, 2026=20.5, 2027-06-30, 1",
                "成都市, 2025 之前, 2025=90.0, 2026=90.5, 2027-06-30, 1",
                "成都市, 2025 之前, 2024=90.0, 2025=90.5, 2027-06-30, 0"})
        void peak04UsesEachKindsLatestAcceptableYear(String name, String annex, String peak, String later,
                                                     String asOf, int expected) {
            List<Finding> f = findings(series(name, peak, later), asOf, "LCP-PEAK-04");
            assertThat(f).hasSize(expected);
            f.forEach(x -> assertThat(x.message().zh()).contains("“" + annex + "”"));
        }
    }
}
