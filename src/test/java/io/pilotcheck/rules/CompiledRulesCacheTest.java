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
    void compiledOrLoadedTheKnowledgeBaseIsImmutable() throws Exception {
        // nothing changes a base once built, and a mutable one costs every session (DrlCompiler.load)
        Path rules = TestRules.copyRules(tmp);
        CompiledRulesCache cache = CompiledRulesCache.in(tmp.resolve("cache"));
        for (RuleBook book : List.of(RuleBookLoader.load(rules, cache), RuleBookLoader.load(rules, cache))) {
            assertThat(((org.drools.core.impl.InternalRuleBase) book.kieBase()).getKieBaseConfiguration()
                    .isMutabilityEnabled()).isFalse();
        }
        assertThat(entries(tmp.resolve("cache"))).hasSize(1); // so the second was loaded from it
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

    @Test
    void anEntryBuiltFromOtherInputsIsNotUsedEvenUnderTheirName() throws IOException {
        Path rules = TestRules.copyRules(tmp);
        Path cache = tmp.resolve("cache");
        report(rules, cache);
        byte[] before = Files.readAllBytes(entries(cache).get(0));
        TestRules.edit(rules.resolve("peak.drl"), "@severity(\"warning\")", "@severity(\"violation\")");
        String edited = report(rules, cache);
        Path editedEntry = entries(cache).stream().filter(p -> {
            try {
                return !java.util.Arrays.equals(Files.readAllBytes(p), before);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).findFirst().orElseThrow();

        // an intact entry for the old rules, where the edited rules' entry belongs (as a checksum clash would put it)
        Files.write(editedEntry, before);
        assertThat(report(rules, cache)).isEqualTo(edited).isEqualTo(report(rules, null));
        assertThat(Files.readAllBytes(editedEntry)).as("replaced by the edited rules' build").isNotEqualTo(before);
    }

    @Test
    void aHitMarksItsEntryUsedWithoutRewritingIt() throws IOException {
        Path rules = TestRules.copyRules(tmp);
        Path cache = tmp.resolve("cache");
        report(rules, cache);
        Path entry = entries(cache).get(0);
        byte[] stored = Files.readAllBytes(entry);
        java.nio.file.attribute.FileTime longAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(400)));
        Files.setLastModifiedTime(entry, longAgo);
        report(rules, cache);
        assertThat(Files.getLastModifiedTime(entry).toInstant()).isAfter(java.time.Instant.now().minusSeconds(600));
        assertThat(Files.readAllBytes(entry)).isEqualTo(stored);
    }

    @Test
    void writingAnEntryRemovesLongUnusedOnesAndTheOldestBeyondTheLimit() throws IOException {
        Path rules = TestRules.copyRules(tmp);
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        java.time.Instant now = java.time.Instant.now();
        List<Path> recent = new java.util.ArrayList<>();
        for (int i = 0; i < CompiledRulesCache.KEEP_ENTRIES + 5; i++) {
            Path old = Files.writeString(cache.resolve("rules-recent" + i + ".kjar"), "x");
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(now.minus(java.time.Duration.ofHours(i + 1))));
            recent.add(old);
        }
        Path stale = Files.writeString(cache.resolve("rules-stale.kjar"), "x");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(
                now.minus(java.time.Duration.ofDays(CompiledRulesCache.KEEP_DAYS + 1))));
        Path deadTemp = Files.writeString(cache.resolve("rules-123.tmp"), "x");
        Files.setLastModifiedTime(deadTemp, java.nio.file.attribute.FileTime.from(now.minus(java.time.Duration.ofDays(2))));
        Path notOurs = Files.writeString(cache.resolve("notes.txt"), "kept");

        report(rules, cache); // compiles, so writes an entry

        assertThat(entries(cache)).hasSize(CompiledRulesCache.KEEP_ENTRIES)
                .containsAll(recent.subList(0, CompiledRulesCache.KEEP_ENTRIES - 1))
                .doesNotContain(stale, recent.get(CompiledRulesCache.KEEP_ENTRIES - 1));
        assertThat(deadTemp).doesNotExist();
        assertThat(notOurs).exists();
        report(rules, cache);
        assertThat(entries(cache)).as("the new entry is among those kept, and used").hasSize(CompiledRulesCache.KEEP_ENTRIES);
    }

    @Test
    void theFingerprintIsTheSha256OfEachInputsPathAndBytes() throws Exception {
        Path rules = TestRules.copyRules(tmp);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.list(rules)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".drl") || p.toString().endsWith(".yaml"))
                    .sorted().toList()) {
                sha.update(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(p));
                sha.update((byte) 0);
            }
        }
        String expected = "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
        assertThat(RuleBookLoader.load(rules).fingerprint()).isEqualTo(expected);
        assertThat(report(rules, null)).contains("\"fingerprint\" : \"" + expected + "\"");
    }
}
