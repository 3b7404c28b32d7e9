package io.pilotcheck.rules;

import io.pilotcheck.TestRules;
import io.pilotcheck.finding.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meta-test: every id of {@code docs/spec/requirements.md} is exactly one shipped rule
 * with the catalogue's severity and clause, its words in both languages and a test.
 */
class CatalogueTest {

    static final Path CATALOGUE = Path.of("docs/spec/requirements.md");

    @Test
    void everyCatalogueIdIsExactlyOneCompleteTestedRule() throws IOException {
        Map<String, CatalogueGaps.Row> catalogue = CatalogueGaps.catalogue(Files.readString(CATALOGUE));
        List<String> gaps = CatalogueGaps.of(catalogue, TestRules.book().rules(),
                CatalogueGaps.sources(Path.of("src/test/java"), Path.of("rules/tests")));
        assertThat(gaps).as("gaps between the catalogue and rules/ (all of them)").isEmpty();
    }

    @Test
    void theCatalogueIsReadWholly() throws IOException {
        Map<String, CatalogueGaps.Row> catalogue = CatalogueGaps.catalogue(Files.readString(CATALOGUE));
        // 2 registry + 4 peak + 5 plan + 4 target + 4 innovation + 5 capacity + 3 timeline + 2 starred
        // + 3 reports + 1 data quality
        assertThat(catalogue).hasSize(33);
        assertThat(catalogue.get("LCP-PEAK-01")).isEqualTo(new CatalogueGaps.Row("LCP-PEAK-01", "violation", "一, annex"));
        assertThat(catalogue.get("LCP-PLAN-01").severity()).isEqualTo("violation");
        assertThat(catalogue.get("LCP-DATA-01")).isEqualTo(new CatalogueGaps.Row("LCP-DATA-01", "error", "—"));
    }

    @Test
    void everyGapIsListedAtOnce() {
        Map<String, CatalogueGaps.Row> catalogue = Map.of(
                "LCP-AAA-01", new CatalogueGaps.Row("LCP-AAA-01", "violation", "一"),
                "LCP-BBB-01", new CatalogueGaps.Row("LCP-BBB-01", "warning", "二"));
        RuleInfo wrong = new RuleInfo("r1", "rules/x.drl", "LCP-AAA-01", Severity.WARNING, "三",
                Map.of("message_zh", "甲", "message_late_en", "late"), 1);
        RuleInfo extra = new RuleInfo("r2", "rules/x.drl", "LCP-ZZZ-01", Severity.VIOLATION, "一",
                Map.of("title_zh", "t", "title_en", "t", "notice", "n", "message_zh", "z", "message_en", "e"), 2);
        List<String> gaps = CatalogueGaps.of(catalogue, List.of(wrong, extra), "\"LCP-ZZZ-01\"");
        assertThat(gaps).containsExactlyInAnyOrder(
                "LCP-BBB-01: in the catalogue, but no rule has this @id",
                "LCP-AAA-01: @severity is warning, the catalogue says violation",
                "LCP-AAA-01: @clause is '三', the catalogue says '一'",
                "LCP-AAA-01 (rules/x.drl): no @title_zh",
                "LCP-AAA-01 (rules/x.drl): no @title_en",
                "LCP-AAA-01 (rules/x.drl): no @notice",
                "LCP-AAA-01 (rules/x.drl): no @message_en",
                "LCP-AAA-01 (rules/x.drl): @message is written in one language only",
                "LCP-AAA-01 (rules/x.drl): @message_late is written in one language only",
                "LCP-AAA-01 (rules/x.drl): no rule test names LCP-AAA-01",
                "LCP-ZZZ-01 (rules/x.drl): not in the catalogue");
    }

    @Test
    void twoRulesWithOneIdAreAGap() {
        Map<String, CatalogueGaps.Row> catalogue = Map.of("LCP-AAA-01", new CatalogueGaps.Row("LCP-AAA-01", "violation", "一"));
        Map<String, String> meta = Map.of("title_zh", "t", "title_en", "t", "notice", "n", "message_zh", "z", "message_en", "e");
        List<String> gaps = CatalogueGaps.of(catalogue, List.of(
                new RuleInfo("first", "a.drl", "LCP-AAA-01", Severity.VIOLATION, "一", meta, 1),
                new RuleInfo("second", "b.drl", "LCP-AAA-01", Severity.VIOLATION, "一", meta, 1)), "\"LCP-AAA-01\"");
        assertThat(gaps).containsExactly("LCP-AAA-01: 2 rules have this @id: [first, second]");
    }
}
