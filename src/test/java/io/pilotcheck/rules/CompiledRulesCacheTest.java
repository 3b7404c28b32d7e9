package io.pilotcheck.rules;

import io.pilotcheck.TestRules;
import io.pilotcheck.cli.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.pilotcheck.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The compiled-rules cache: same reports, any edit to a rule input misses, a damaged entry is rebuilt. */
class CompiledRulesCacheTest {

    @TempDir
    Path tmp;

    private List<Path> entries(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> p.toString().endsWith(".kjar")).sorted().toList();
        }
    }

    private String report(Path rules, Path cache, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "fixtures/", "-f", "json", "--as-of", "2021-01-01",
                "--rules", rules.toString()));
        args.addAll(cache == null ? List.of("--no-cache") : List.of("--cache-dir", cache.toString()));
        args.addAll(List.of(more));
        CliTest.Run r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        return r.out().replace(rules.toString(), "RULES");
    }

    @Test
    void aCachedRunReportsExactlyWhatACompilingRunDoes() throws IOException {
        Path rules = TestRules.copyRules(tmp);
        Path cache = tmp.resolve("cache");
        String compiled = report(rules, null);
        assertThat(entries(cache)).isEmpty();
        String first = report(rules, cache); // compiles, stores
        assertThat(entries(cache)).hasSize(1);
        byte[] stored = Files.readAllBytes(entries(cache).get(0));
        String second = report(rules, cache); // loads
        assertThat(Files.readAllBytes(entries(cache).get(0))).as("a hit rewrites nothing").isEqualTo(stored);
        assertThat(first).isEqualTo(compiled);
        assertThat(second).isEqualTo(compiled);
        assertThat(run("rules", "list", "--rules", rules.toString(), "--cache-dir", cache.toString()).out())
                .isEqualTo(run("rules", "list", "--rules", rules.toString(), "--no-cache").out());
    }

    @Test
    void editingAnyRuleInputMissesTheCache() throws IOException {
        Path rules = TestRules.copyRules(tmp);
        Path cache = tmp.resolve("cache");
        report(rules, cache);
        assertThat(entries(cache)).hasSize(1);

        TestRules.edit(rules.resolve("peak.drl"), "@severity(\"warning\")", "@severity(\"violation\")");
        String drlEdited = report(rules, cache);
        assertThat(entries(cache)).as("a DRL edit").hasSize(2);
        assertThat(drlEdited).isEqualTo(report(rules, null)).contains("\"rule\" : \"LCP-PEAK-03\",\n"
                + "          \"severity\" : \"violation\"");

        TestRules.edit(rules.resolve("params.yaml"), "plan_due: 2017-12-31", "plan_due: 2017-06-30");
        report(rules, cache);
        assertThat(entries(cache)).as("a params.yaml edit").hasSize(3);

        TestRules.edit(rules.resolve("pilot-cities.yaml"), "name_en: Dalian", "name_en: Dalian City");
        report(rules, cache);
        assertThat(entries(cache)).as("a registry edit").hasSize(4);

        Files.writeString(rules.resolve("extra.drl"), "package rules;\n");
        report(rules, cache);
        assertThat(entries(cache)).as("a new DRL file").hasSize(5);
    }

    @Test
    void aDamagedOrForeignEntryIsRebuiltNotTrusted() throws IOException {
        Path rules = TestRules.copyRules(tmp);
        Path cache = tmp.resolve("cache");
        String expected = report(rules, cache);
        Path entry = entries(cache).get(0);
        byte[] good = Files.readAllBytes(entry);

        byte[] flipped = good.clone();
        flipped[flipped.length / 3] ^= 0x20; // one bit
        for (byte[] damaged : List.of(java.util.Arrays.copyOf(good, good.length / 2), flipped,
                "not a module".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            Files.write(entry, damaged);
            assertThat(report(rules, cache)).isEqualTo(expected);
            byte[] rebuilt = Files.readAllBytes(entry);
            assertThat(rebuilt).as("replaced by a fresh build").isNotEqualTo(damaged).hasSizeGreaterThan(good.length / 2);
            report(rules, cache);
            assertThat(Files.readAllBytes(entry)).as("and then used").isEqualTo(rebuilt);
        }
    }

    @Test
    void aCacheThatCannotBeWrittenIsNoReasonToFail() throws IOException {
        Path rules = TestRules.copyRules(tmp);
        Path notADir = Files.writeString(tmp.resolve("file"), "x");
        assertThat(report(rules, notADir)).isEqualTo(report(rules, null));
    }
}
