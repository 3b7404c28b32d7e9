package io.pilotcheck;

import io.pilotcheck.check.DossierCheck;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.dossier.DossierLoader;
import io.pilotcheck.dossier.LoadedDossier;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleBookLoader;
import io.pilotcheck.source.RuleInputException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** The shipped rules, compiled once per test JVM, and a way to check inline dossiers with them. */
public final class TestRules {

    private static RuleBook book;

    private TestRules() {
    }

    /** The rule book compiled from the repository's {@code rules/}. */
    public static synchronized RuleBook book() {
        if (book == null) {
            try {
                book = RuleBookLoader.load(Path.of("rules"));
            } catch (RuleInputException e) {
                throw new AssertionError("the shipped rules do not load: " + e.problems(), e);
            }
        }
        return book;
    }

    /** Loads YAML text as a dossier named {@code test.yaml}. */
    public static LoadedDossier load(String yaml) {
        return new DossierLoader().loadText("test.yaml", yaml);
    }

    /** Checks YAML text as of a date (null: the dossier's own as_of). */
    public static DossierResult check(String yaml, String asOf) {
        return new DossierCheck(book()).check(load(yaml), asOf == null ? null : LocalDate.parse(asOf),
                LocalDate.of(2020, 6, 30));
    }

    /**
     * {@code text} with {@code from} replaced by {@code to}; fails when {@code from} is absent, so a
     * test whose edit stopped matching cannot pass by checking the unedited text.
     */
    public static String edit(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new AssertionError("test edit found nothing to replace: " + from);
        }
        return text.replace(from, to);
    }

    /** Edits a file in place, as {@link #edit(String, String, String)}. */
    public static void edit(Path file, String from, String to) throws java.io.IOException {
        java.nio.file.Files.writeString(file, edit(java.nio.file.Files.readString(file), from, to));
    }

    /** The findings of one rule id. */
    public static List<Finding> of(DossierResult r, String ruleId) {
        return r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** The findings of one rule id for YAML text checked as of a date (null: the dossier's own). */
    public static List<Finding> findings(String yaml, String asOf, String ruleId) {
        return of(check(yaml, asOf), ruleId);
    }

    /** The severities of one rule's findings, in report order. */
    public static List<io.pilotcheck.finding.Severity> severities(String yaml, String asOf, String ruleId) {
        return findings(yaml, asOf, ruleId).stream().map(Finding::severity).toList();
    }

    /** A copy of the shipped {@code rules/} folder under {@code dir}, for tests that edit rules. */
    public static Path copyRules(Path dir) throws java.io.IOException {
        Path rules = dir.resolve("rules");
        java.nio.file.Files.createDirectories(rules);
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("rules"))) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                java.nio.file.Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        return rules;
    }
}
