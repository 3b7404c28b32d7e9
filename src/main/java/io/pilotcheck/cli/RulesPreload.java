package io.pilotcheck.cli;

import io.pilotcheck.rules.CompiledRulesCache;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleBookLoader;
import io.pilotcheck.source.RuleInputException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@code check}'s rules, loading on another core while picocli reads the command line.
 *
 * <p>Why: picocli's reflection over {@code check}'s options takes a good part of a short run, and the rules
 * cannot start loading until it is done, so a short run paid for both in turn. A {@code check}
 * with no cache option will load its rules folder from the default cache, so they can start at
 * once. Whether the guess was right is decided after parsing, by {@link #take}: the preload is used only if the folder and the cache it read
 * are the ones the parsed options name; otherwise it is dropped and the command loads as before.
 * Problems are held, not printed, until then, so a command line picocli rejects prints nothing
 * about rules.
 */
final class RulesPreload {

    private static final RulesPreload NONE = new RulesPreload(null, null, null);

    private final Path dir;
    private final CompiledRulesCache cache;
    private final CompletableFuture<Loaded> loading;

    /** What loading gave: the rules, or the problems that stop them. */
    private record Loaded(RuleBook book, RuleInputException problems) {
    }

    private RulesPreload(Path dir, CompiledRulesCache cache, CompletableFuture<Loaded> loading) {
        this.dir = dir;
        this.cache = cache;
        this.loading = loading;
    }

    /** No preload: {@link #take} always answers that the command must load the rules itself. */
    static RulesPreload none() {
        return NONE;
    }

    /**
     * Starts loading the rules a {@code check} names ({@code --rules DIR}, else the default
     * folder) through the default cache; {@link #none()} for any other command. The test is on
     * the raw words and errs towards not starting: a cache option, an {@code @file}, or help
     * stops it, and {@link #take} still compares what was loaded with what the options say.
     */
    static RulesPreload start(String[] args) {
        if (args.length == 0 || !args[0].equals("check")) {
            return NONE;
        }
        Path rules = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@") || arg.startsWith("--cache-dir") || arg.startsWith("--no-cache")
                    || arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return NONE;
            }
            if (arg.equals("--rules") && i + 1 < args.length) {
                rules = Path.of(args[i + 1]);
            } else if (arg.startsWith("--rules=")) {
                rules = Path.of(arg.substring("--rules=".length()));
            }
        }
        CommonOptions defaults = new CommonOptions();
        return of(rules != null ? rules : defaults.rulesDir(), defaults.cache());
    }

    /** Starts loading the rules in {@code dir} through {@code cache}. */
    static RulesPreload of(Path dir, CompiledRulesCache cache) {
        return new RulesPreload(dir, cache, CompletableFuture.supplyAsync(() -> {
            try {
                return new Loaded(RuleBookLoader.load(dir, cache), null);
            } catch (RuleInputException e) {
                return new Loaded(null, e);
            }
        }));
    }

    /**
     * The preloaded rules (or empty after printing their problems, as {@link RulesLoading#load}
     * does) if they were read from {@code dir} through {@code cache}; null if this preload cannot
     * stand in for that load.
     */
    CompletableFuture<Optional<RuleBook>> take(Path dir, CompiledRulesCache cache, io.pilotcheck.words.Language lang,
                                               PrintWriter err) {
        if (loading == null || !this.dir.equals(dir) || !this.cache.dir().equals(cache.dir())) {
            return null;
        }
        return loading.thenApply(loaded -> loaded.problems() != null
                ? RulesLoading.unusable(loaded.problems(), dir, lang, err)
                : Optional.of(loaded.book()));
    }
}
