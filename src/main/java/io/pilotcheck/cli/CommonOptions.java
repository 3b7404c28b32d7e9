package io.pilotcheck.cli;

import io.pilotcheck.words.Language;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Options every command shares: where the rules are, the report language, verbosity. */
public final class CommonOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "rules folder (default: rules/ here, else the one beside the pilotcheck launcher)")
    Path rules;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
            description = "language of messages: zh (default) or en")
    Language lang;

    @Option(names = {"-v", "--verbose"}, description = "log what the rule engine does, on stderr")
    boolean verbose;

    @Option(names = "--config", paramLabel = "FILE",
            description = "a settings file (YAML, option: value): default $PILOTCHECK_CONFIG, else "
                    + "$XDG_CONFIG_HOME/pilotcheck/pilotcheck.yaml, else /etc/pilotcheck/pilotcheck.yaml; "
                    + "a flag wins over PILOTCHECK_* variables, which win over the file (docs/operations.md)")
    Path config;

    @Option(names = "--no-cache", description = "compile the rules even when the compiled-rules cache has them")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "where compiled rules are kept between runs (default: $PILOTCHECK_CACHE_DIR, "
                    + "else $XDG_CACHE_HOME/pilotcheck, else ~/.cache/pilotcheck)")
    Path cacheDir;

    /** The compiled-rules cache this run uses. */
    io.pilotcheck.rules.CompiledRulesCache cache() {
        if (noCache) {
            return io.pilotcheck.rules.CompiledRulesCache.none();
        }
        return io.pilotcheck.rules.CompiledRulesCache.in(
                cacheDir != null ? cacheDir : io.pilotcheck.rules.CompiledRulesCache.defaultDir());
    }

    /** The rules folder: {@code --rules}, else {@code ./rules}, else {@code $PILOTCHECK_HOME/rules}. */
    Path rulesDir() {
        if (rules != null) {
            return rules;
        }
        Path here = Path.of("rules");
        String home = System.getProperty("pilotcheck.home");
        if (!Files.isDirectory(here) && home != null && Files.isDirectory(Path.of(home, "rules"))) {
            return Path.of(home, "rules");
        }
        return here;
    }
}
