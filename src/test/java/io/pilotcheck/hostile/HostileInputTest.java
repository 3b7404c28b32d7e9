package io.pilotcheck.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.cli.CliTest;
import io.pilotcheck.check.BatchCheck;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
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

    static final Path HOSTILE = HostileSuite.HOSTILE;

    @TempDir
    Path tmp;

    @Test
    void everyHostileFileHasARowInTheSuite() throws IOException {
        try (Stream<Path> files = Files.list(HOSTILE)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(HostileSuite.FILES.keySet().stream().sorted().toList());
        }
    }

    @Test
    void everyCaseOfTheSuiteHasItsExactOutcome() {
        List<HostileSuite.Result> results = HostileSuite.results();
        // all mismatches at once, each with what it gave, not only the first
        List<String> wrong = results.stream().filter(r -> !r.asExpected())
                .map(r -> r.kase().input() + ": expected " + r.kase().expected() + " but got " + r.outcome().result()
                        + " (" + r.outcome().message() + ")")
                .toList();
        assertThat(wrong).as("cases whose outcome differs").isEmpty();
        assertThat(results).hasSizeGreaterThan(HostileSuite.FILES.size());
    }

    @Test
    void aTagNamingAClassNeverLoadsIt() {
        System.clearProperty("pilotcheck.hostile.canary");
        Map<String, Path> one = Map.of("tag-project-class.yaml", HOSTILE.resolve("tag-project-class.yaml"));
        DossierResult d = new BatchCheck(TestRules.book()).run(one, LocalDate.of(2020, 6, 30), LocalDate.now())
                .dossiers().get(0);
        assertThat(HostileSuite.outcome(d).result()).isEqualTo("LCP-SCHEMA-07 at 1:7 (×1)");
        assertThat(System.getProperty("pilotcheck.hostile.canary")).as("the Canary class was initialised").isNull();
    }

    @Test
    void aBatchOfEveryHostileFileAndTheFixturesReportsEachFixtureExactlyAsAlone() throws IOException {
        Path alone = tmp.resolve("alone.json");
        Path mixed = tmp.resolve("mixed.json");
        assertThat(run("check", "fixtures/", "-f", "json", "-o", alone.toString()).code()).isEqualTo(1);
        CliTest.Run r = run("check", "fixtures/", HOSTILE.toString(), "-f", "json", "-o", mixed.toString());
        assertThat(r.code()).isEqualTo(1);
        // nothing on stderr but the batch's notices: a pilot with two dossiers, the report written
        assertThat(r.err().lines()).allMatch(l -> l.startsWith("pilotcheck：警告：本批次中") || l.startsWith("已写出 " + mixed));
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
                .isEqualTo(expected.size() + HostileSuite.FILES.size());
    }
}
