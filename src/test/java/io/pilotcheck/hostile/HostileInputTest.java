package io.pilotcheck.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.cli.CliTest;
import io.pilotcheck.check.BatchCheck;
import io.pilotcheck.check.BatchResult;
import io.pilotcheck.check.DossierResult;
import io.pilotcheck.TestRules;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.pilotcheck.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input suite ({@code src/test/resources/hostile/}): each file has its exact outcome,
 * a located {@code error} finding, never an exception, and a batch with all of them still checks
 * every fixture exactly as it does alone.
 */
class HostileInputTest {

    static final Path HOSTILE = Path.of("src", "test", "resources", "hostile");

    /** File → its first finding (rule id and line:col) and how many error findings it has. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("alias-bomb.yaml", "LCP-SCHEMA-07 2:4 ×40");
        EXPECTED.put("alias-scalar.yaml", "LCP-SCHEMA-07 2:11 ×1");
        EXPECTED.put("binary.yaml", "LCP-SCHEMA-09 1:1 ×1");
        EXPECTED.put("crlf.yaml", "LCP-SCHEMA-03 3:19 ×1");
        EXPECTED.put("date-for-number.yaml", "LCP-SCHEMA-03 2:19 ×1");
        EXPECTED.put("deep-nesting.yaml", "LCP-SCHEMA-01 2:68 ×1");
        EXPECTED.put("duplicate-key-in-list.yaml", "LCP-SCHEMA-06 4:5 ×1");
        EXPECTED.put("duplicate-key-nested.yaml", "LCP-SCHEMA-06 4:3 ×1");
        EXPECTED.put("duplicate-key-top.yaml", "LCP-SCHEMA-06 2:1 ×1");
        EXPECTED.put("empty.yaml", "LCP-SCHEMA-01 1:1 ×1");
        EXPECTED.put("impossible-date.yaml", "LCP-SCHEMA-05 2:8 ×1");
        EXPECTED.put("invalid-utf8.yaml", "LCP-SCHEMA-09 1:1 ×1");
        EXPECTED.put("number-for-date.yaml", "LCP-SCHEMA-03 2:17 ×1");
        EXPECTED.put("only-comments.yaml", "LCP-SCHEMA-01 1:1 ×1");
        EXPECTED.put("several-documents.yaml", "LCP-SCHEMA-01 3:1 ×1");
        EXPECTED.put("tab-indent.yaml", "LCP-SCHEMA-01 3:1 ×1");
        EXPECTED.put("tag-java-object.yaml", "LCP-SCHEMA-07 1:7 ×1");
        EXPECTED.put("tag-project-class.yaml", "LCP-SCHEMA-07 1:7 ×1");
        EXPECTED.put("tag-script-engine.yaml", "LCP-SCHEMA-07 1:7 ×3");
        EXPECTED.put("utf16-bom.yaml", "LCP-SCHEMA-09 1:1 ×1");
        EXPECTED.put("utf8-bom.yaml", "checked");
        EXPECTED.put("year-too-long.yaml", "LCP-SCHEMA-03 3:12 ×1");
        EXPECTED.put("year-too-short.yaml", "LCP-SCHEMA-03 2:19 ×1");
    }

    @TempDir
    Path tmp;

    private static String outcome(DossierResult d) {
        List<Finding> errors = d.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (errors.isEmpty()) {
            return "checked";
        }
        Finding first = errors.get(0);
        return first.ruleId() + " " + first.location().line() + ":" + first.location().column() + " ×" + errors.size();
    }

    @Test
    void everyHostileFileHasItsExactOutcomeAndNoneIsMissingFromTheTable() throws IOException {
        try (Stream<Path> files = Files.list(HOSTILE)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(EXPECTED.keySet().stream().sorted().toList());
        }
        Map<String, Path> listing = new LinkedHashMap<>();
        EXPECTED.keySet().forEach(f -> listing.put(f, HOSTILE.resolve(f)));
        BatchResult batch = new BatchCheck(TestRules.book()).run(listing, LocalDate.of(2020, 6, 30), LocalDate.now());
        Map<String, String> actual = batch.dossiers().stream()
                .collect(Collectors.toMap(DossierResult::file, HostileInputTest::outcome, (a, b) -> a, LinkedHashMap::new));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(EXPECTED);
        assertThat(batch.dossiers()).filteredOn(d -> !d.file().equals("utf8-bom.yaml"))
                .allSatisfy(d -> assertThat(d.verdict()).isEqualTo(Verdict.ERROR));
    }

    @Test
    void aTagNamingAClassNeverLoadsIt() {
        System.clearProperty("pilotcheck.hostile.canary");
        Map<String, Path> one = Map.of("tag-project-class.yaml", HOSTILE.resolve("tag-project-class.yaml"));
        DossierResult d = new BatchCheck(TestRules.book()).run(one, LocalDate.of(2020, 6, 30), LocalDate.now())
                .dossiers().get(0);
        assertThat(outcome(d)).isEqualTo("LCP-SCHEMA-07 1:7 ×1");
        assertThat(System.getProperty("pilotcheck.hostile.canary")).as("the Canary class was initialised").isNull();
    }

    @Test
    void aBatchOfEveryHostileFileAndTheFixturesReportsEachFixtureExactlyAsAlone() throws IOException {
        Path alone = tmp.resolve("alone.json");
        Path mixed = tmp.resolve("mixed.json");
        assertThat(run("check", "fixtures/", "-f", "json", "-o", alone.toString()).code()).isEqualTo(1);
        CliTest.Run r = run("check", "fixtures/", HOSTILE.toString(), "-f", "json", "-o", mixed.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        ObjectMapper m = new ObjectMapper();
        Map<String, JsonNode> fixtures = new LinkedHashMap<>();
        for (JsonNode d : m.readTree(mixed.toFile()).get("dossiers")) {
            if (d.get("file").asText().startsWith("fixtures/")) {
                fixtures.put(d.get("file").asText(), d);
            }
        }
        JsonNode expected = m.readTree(alone.toFile()).get("dossiers");
        assertThat(fixtures).hasSize(expected.size());
        for (JsonNode d : expected) {
            assertThat(fixtures.get(d.get("file").asText())).isEqualTo(d);
        }
        assertThat(m.readTree(mixed.toFile()).at("/summary/dossiers").asInt())
                .isEqualTo(expected.size() + EXPECTED.size());
    }

    @Test
    void aFolderWithASymlinkLoopAFileGoneBeforeReadingAndAMissingPath() throws IOException {
        Path dir = tmp.resolve("in");
        Files.createDirectories(dir);
        Files.copy(Path.of("fixtures", "02-shenyang.yaml"), dir.resolve("shenyang.yaml"));
        Files.createSymbolicLink(dir.resolve("loop"), dir);
        CliTest.Run looped = run("check", dir.toString(), "-f", "json");
        assertThat(looped.code()).isZero();
        assertThat(new ObjectMapper().readTree(looped.out()).at("/summary/dossiers").asInt()).isEqualTo(1);

        Map<String, Path> gone = Map.of("gone.yaml", dir.resolve("gone.yaml")); // listed, then deleted
        DossierResult d = new BatchCheck(TestRules.book()).run(gone, null, LocalDate.now()).dossiers().get(0);
        assertThat(outcome(d)).isEqualTo("LCP-SCHEMA-09 1:1 ×1");

        CliTest.Run missing = run("check", tmp.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file or folder");
    }
}
