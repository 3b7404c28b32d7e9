package io.pilotcheck.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.cli.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.pilotcheck.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code pilotcheck generate}: deterministic per seed, all 45 pilots, about a third with gaps that the rules find. */
class GenerateTest {

    @TempDir
    Path tmp;

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                all.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return all;
    }

    @Test
    void theSameSeedGivesTheSameFilesAndADossierDoesNotDependOnTheCount() throws IOException {
        assertThat(run("generate", "--count", "1200", "--seed", "7", "--out", tmp.resolve("a").toString()).code()).isZero();
        assertThat(run("generate", "--count", "1200", "--seed", "7", "--out", tmp.resolve("b").toString()).code()).isZero();
        assertThat(run("generate", "--count", "5", "--seed", "7", "--out", tmp.resolve("c").toString()).code()).isZero();
        assertThat(run("generate", "--count", "5", "--seed", "8", "--out", tmp.resolve("d").toString()).code()).isZero();
        Map<String, String> a = files(tmp.resolve("a"));
        assertThat(a).hasSize(1200).isEqualTo(files(tmp.resolve("b")));
        assertThat(a.keySet()).contains("0000/0000000-wuhai.yaml", "0001/0001169-alar-1st-division.yaml", "0001/0001199-sanya.yaml");
        files(tmp.resolve("c")).forEach((name, text) -> assertThat(a.get(name)).isEqualTo(text));
        assertThat(files(tmp.resolve("d"))).isNotEqualTo(files(tmp.resolve("c")));
    }

    @Test
    void everyPilotAboutAThirdWithGapsAndTheRulesFindExactlyThose() throws IOException {
        Path out = tmp.resolve("gen");
        CliTest.Run gen = run("generate", "--count", "450", "--seed", "3", "--out", out.toString(), "--lang", "en");
        assertThat(gen.err()).startsWith("wrote 450 dossiers (").contains(" with gaps) to ");
        CliTest.Run check = run("check", out.toString(), "-f", "json", "--lang", "en");
        JsonNode report = new ObjectMapper().readTree(check.out());
        assertThat(report.at("/summary/errors").asInt()).isZero();
        Set<String> cities = new HashSet<>();
        int withGaps = 0;
        for (JsonNode d : report.get("dossiers")) {
            cities.add(d.get("city").asText());
            boolean gaps = !Files.readString(Path.of(d.get("file").asText())).contains("Gaps: none");
            withGaps += gaps ? 1 : 0;
            assertThat(d.get("verdict").asText()).as(d.get("file").asText())
                    .isEqualTo(gaps ? "non_compliant" : "compliant");
        }
        assertThat(cities).hasSize(45);
        assertThat(withGaps).isBetween(450 / 4, 450 * 42 / 100);
    }

    @Test
    void aCountBelowOneIsBadUsage() {
        assertThat(run("generate", "--count", "0", "--out", tmp.toString()).code()).isEqualTo(2);
        assertThat(run("generate", "--out", tmp.toString()).code()).isEqualTo(2);
    }
}
