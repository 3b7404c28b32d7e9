package io.pilotcheck.cli;

import io.pilotcheck.words.Language;
import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleBookLoader;
import io.pilotcheck.source.RuleInputException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Loads the rule book for a command, printing every problem (located) when it cannot. */
final class RulesLoading {

    private RulesLoading() {
    }

    /** The compiled rules, or empty after printing each problem to {@code err}. */
    static Optional<RuleBook> load(Path dir, io.pilotcheck.rules.CompiledRulesCache cache, Language lang,
                                   PrintWriter err) {
        try {
            return Optional.of(RuleBookLoader.load(dir, cache));
        } catch (RuleInputException e) {
            return unusable(e, dir, lang, err);
        }
    }

    /** Empty, after printing each problem that stops the rules in {@code dir} from being used. */
    static Optional<RuleBook> unusable(RuleInputException e, Path dir, Language lang, PrintWriter err) {
        printProblems(e, Say.say(lang, "unusableRules", "dir", dir), lang, err);
        return Optional.empty();
    }

    /** The pilot registry alone (for commands that need no rules), or empty after printing its problems. */
    static Optional<PilotRegistry> loadRegistry(Path dir, Language lang, PrintWriter err) {
        Path file = dir.resolve(PilotRegistry.FILE);
        try {
            return Optional.of(PilotRegistry.load(file, file.toString()));
        } catch (RuleInputException e) {
            printProblems(e, Say.say(lang, "unusableRegistry", "file", file), lang, err);
            return Optional.empty();
        }
    }

    /** Prints every located problem of an input the run needs, then that nothing was checked. */
    static void printProblems(RuleInputException e, String what, Language lang, PrintWriter err) {
        for (RuleInputException.Problem p : e.problems()) {
            err.println(p);
        }
        int n = e.problems().size();
        err.println(Say.say(lang, "unusable", "what", what, "n", n, "plural", n == 1 ? "" : "s"));
        err.flush();
    }
}
