package io.pilotcheck.cli;

import io.pilotcheck.rules.CompiledRulesCache;
import io.pilotcheck.rules.RuleBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules loaded while the command line is parsed stand in for a load only when they are that load. */
class RulesPreloadTest {

    @Test
    void onlyACheckThroughTheDefaultCachePreloads() {
        assertThat(preloads("check", "fixtures/")).isTrue();
        assertThat(preloads("check", "-f", "json", "--lang", "en", "fixtures/")).isTrue();
        assertThat(preloads("check", "--rules", "elsewhere", "fixtures/")).isTrue();
        assertThat(preloads("check", "--rules=elsewhere", "fixtures/")).isTrue();
        assertThat(preloads()).isFalse();
        assertThat(preloads("rules", "list")).isFalse();
        assertThat(preloads("explain", "LCP-PEAK-01")).isFalse();
        assertThat(preloads("check", "--cache-dir", "/tmp/c", "fixtures/")).isFalse();
        assertThat(preloads("check", "--no-cache", "fixtures/")).isFalse();
        assertThat(preloads("check", "@args.txt")).isFalse();
        assertThat(preloads("check", "--help")).isFalse();
    }

    private static boolean preloads(String... args) {
        return RulesPreload.start(args) != RulesPreload.none();
    }

    @Test
    void theRulesAreTakenOnlyForTheFolderAndCacheTheyWereReadThrough(@TempDir Path cacheDir) {
        CompiledRulesCache cache = CompiledRulesCache.in(cacheDir);
        RulesPreload preload = RulesPreload.of(Path.of("rules"), cache);
        StringWriter err = new StringWriter();
        assertThat(preload.take(Path.of("rules"), CompiledRulesCache.none(), io.pilotcheck.words.Language.EN, new PrintWriter(err))).isNull();
        assertThat(preload.take(Path.of("rules"), CompiledRulesCache.in(cacheDir.resolve("other")),
                io.pilotcheck.words.Language.EN, new PrintWriter(err))).isNull();
        assertThat(preload.take(Path.of("other-rules"), cache, io.pilotcheck.words.Language.EN, new PrintWriter(err))).isNull();
        Optional<RuleBook> book = preload.take(Path.of("rules"), CompiledRulesCache.in(cacheDir),
                io.pilotcheck.words.Language.EN, new PrintWriter(err)).join();
        assertThat(book).isPresent();
        assertThat(book.get().rules()).hasSizeGreaterThan(30);
        assertThat(err.toString()).isEmpty();
        assertThat(RulesPreload.none().take(Path.of("rules"), cache, io.pilotcheck.words.Language.EN, new PrintWriter(err))).isNull();
    }

    @Test
    void problemsArePrintedWhenTakenNotWhenFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.drl"), "package rules;\nrule \"x\" when then end oops\n");
        RulesPreload preload = RulesPreload.of(dir, CompiledRulesCache.none());
        StringWriter err = new StringWriter();
        PrintWriter printer = new PrintWriter(err);
        Optional<RuleBook> book = preload.take(dir, CompiledRulesCache.none(), io.pilotcheck.words.Language.EN, printer).join();
        assertThat(book).isEmpty();
        printer.flush();
        assertThat(err.toString()).contains("the rules in " + dir + " cannot be used");
        assertThat(RulesPreload.of(dir, CompiledRulesCache.none()).take(dir.resolve("x"),
                CompiledRulesCache.none(), io.pilotcheck.words.Language.EN, printer)).isNull();
    }

    @Test
    void aPreloadedCheckReportsExactlyWhatALoadAfterParsingReports(@TempDir Path cacheDir) {
        CliTest.Run preloaded = CliTest.run("check", "-f", "json", "fixtures/");
        CliTest.Run loaded = CliTest.run("check", "--cache-dir", cacheDir.toString(), "-f", "json", "fixtures/");
        assertThat(preloaded.code()).isEqualTo(1);
        assertThat(preloaded.out()).isEqualTo(loaded.out());
        assertThat(preloaded.err()).isEqualTo(loaded.err());
    }

    @Test
    void aPreloadOfTheNamedFolderFindsItsProblemsOnceAndOnlyThere(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.drl"), "package rules;\nrule \"x\" when then end oops\n");
        CliTest.Run r = CliTest.run("check", "--lang", "en", "--rules", dir.toString(), "fixtures/");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsOnlyOnce("the rules in " + dir + " cannot be used");
        assertThat(RulesPreload.start(new String[] {"check", "--rules", dir.toString(), "x"})
                .take(Path.of("rules"), CompiledRulesCache.in(CompiledRulesCache.defaultDir()), io.pilotcheck.words.Language.EN, new PrintWriter(new StringWriter())))
                .as("a preload of another folder does not stand in for the default one").isNull();
    }

    @Test
    void aCommandLineThatDoesNotParsePrintsNothingAboutRules() {
        CliTest.Run r = CliTest.run("check", "--no-such-option", "fixtures/");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--no-such-option").doesNotContain("rules in");
    }
}
