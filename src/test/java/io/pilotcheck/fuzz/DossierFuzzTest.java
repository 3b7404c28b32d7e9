package io.pilotcheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pilotcheck.TestRules;
import io.pilotcheck.check.DossierCheck;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.dossier.DossierLoader;
import io.pilotcheck.dossier.LoadedDossier;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.source.YamlTreeReader;
import io.pilotcheck.source.YamlTrees;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing (Jazzer) of everything a dossier file's bytes reach: decoding, the YAML
 * reader (its fast path held against SnakeYAML), the binder and every shipped rule. Whatever the
 * bytes, nothing may throw; whatever the fast path reads, SnakeYAML reads the same; a file that
 * cannot be checked has a located {@code error}; a file that loads is checked without any rule
 * failing, and every finding points inside the file.
 *
 * <p>Without {@code JAZZER_FUZZ} (a plain {@code mvn test}) each method runs once per seed in
 * {@code src/test/resources/io/pilotcheck/fuzz/DossierFuzzTestInputs/}, where every crash the
 * fuzzer ever found is kept as a regression case. {@code mvn verify} then fuzzes the first method
 * for 30 seconds (a second surefire run with {@code JAZZER_FUZZ=1}); {@code mvn verify -Pfuzz}
 * fuzzes the second for 10 minutes. The durations are in the annotations because Jazzer reads
 * them nowhere else.
 */
class DossierFuzzTest {

    private static final DossierLoader LOADER = new DossierLoader();
    private static final YamlTreeReader YAML = new YamlTreeReader();
    private static final LocalDate AS_OF = LocalDate.of(2020, 6, 30);

    @FuzzTest(maxDuration = "30s")
    void anyBytesGiveLocatedFindingsNeverAnException(byte[] bytes) {
        holds(bytes);
    }

    @FuzzTest(maxDuration = "10m")
    @EnabledIfSystemProperty(named = "pilotcheck.fuzz.long", matches = "true")
    void anyBytesGiveLocatedFindingsNeverAnExceptionLongRun(byte[] bytes) {
        holds(bytes);
    }

    /** The fast block-style path must give exactly SnakeYAML's tree whenever it takes a file. */
    private static void readsTheSameBothWays(byte[] bytes) {
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            java.util.List<String> both = YamlTrees.bothPaths(YAML, text);
            assertThat(both.get(0)).as("fast path against SnakeYAML").isEqualTo(both.get(1));
        } catch (java.nio.charset.CharacterCodingException e) {
            // not text: the loader refuses it before any YAML is read
        }
    }

    /**
     * Lines as YAML counts them: CR LF, a lone CR and a lone LF each end one, and so do NEL, LS
     * and PS (YAML 1.1, which SnakeYAML follows).
     */
    private static int yamlLines(byte[] bytes) {
        String s = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        int lines = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                lines++;
            }
        }
        return lines;
    }

    private static void holds(byte[] bytes) {
        readsTheSameBothWays(bytes);
        LoadedDossier loaded = LOADER.loadBytes("fuzz.yaml", bytes);
        DossierResult result = new DossierCheck(TestRules.book()).check(loaded, null, AS_OF);
        if (!loaded.checkable()) {
            // errors, and beside them only the loader's warnings (a date read from another shape)
            assertThat(result.findings()).anyMatch(f -> f.severity() == Severity.ERROR).allSatisfy(f -> assertThat(
                    f.severity() == Severity.ERROR || io.pilotcheck.finding.BuiltInChecks.WARNINGS.contains(f.ruleId())).isTrue());
        }
        int lines = yamlLines(bytes);
        for (Finding f : result.findings()) {
            assertThat(f.ruleId()).as("a rule failed on a dossier that loaded: %s", f.message().en())
                    .isNotEqualTo(DossierCheck.RULE_FAILED);
            assertThat(f.location().line()).as("line of %s", f.ruleId()).isBetween(1, lines);
            assertThat(f.location().column()).as("column of %s", f.ruleId()).isPositive();
        }
    }
}
