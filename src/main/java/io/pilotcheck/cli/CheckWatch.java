package io.pilotcheck.cli;

import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import java.util.Iterator;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.files.DossierFiles;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Verdict;
import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.rules.Params;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleBookLoader;
import io.pilotcheck.source.RuleInputException;
import io.pilotcheck.watch.ChangeWatcher;
import io.pilotcheck.watch.FindingChanges;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The loop of {@code check --watch}: after the first report, wait for a change to a rule input
 * (DRL, {@code params.yaml}, the registry) or a dossier, check again, and print only what changed
 * in the findings. A rule change rechecks every dossier with the rebuilt rules; a dossier change
 * rechecks that dossier alone. Rules that no longer build are reported and the previous ones kept.
 */
final class CheckWatch {

    private final Path rulesDir;
    private final Path rulesGiven;
    private final List<String> paths;
    private final LocalDate asOf;
    private final LoadLimits limits;
    private final io.pilotcheck.rules.CompiledRulesCache cache;
    private final Language lang;
    private final PrintWriter out;
    private final PrintWriter err;
    private RuleBook book;
    /** Each dossier's latest result as checked, before waivers: they apply to the batch as a whole. */
    private final Map<String, DossierResult> results = new TreeMap<>();
    private final UnaryOperator<BatchResult> waive;

    /**
     * @param first the first batch as checked, before waivers
     * @param waive marks a batch's findings with the run's waivers, so changes and reports show them
     */
    CheckWatch(Path rulesDir, io.pilotcheck.rules.CompiledRulesCache cache, List<String> paths, LocalDate asOf,
               LoadLimits limits, Language lang, RuleBook book, BatchResult first, UnaryOperator<BatchResult> waive,
               PrintWriter out, PrintWriter err) {
        this.cache = cache;
        this.limits = limits;
        this.waive = waive;
        this.rulesGiven = rulesDir;
        this.rulesDir = rulesDir.toAbsolutePath().normalize();
        this.paths = paths;
        this.asOf = asOf;
        this.lang = lang;
        this.book = book;
        this.out = out;
        this.err = err;
        first.dossiers().forEach(d -> results.put(d.file(), d));
    }

    /**
     * Watches until the thread is interrupted (Ctrl-C ends the process).
     *
     * @param afterEach called with each new batch result and rule book, e.g. to rewrite {@code --output}
     */
    void run(ReportWriter afterEach) throws IOException {
        List<Path> roots = new ArrayList<>();
        roots.add(rulesDir);
        paths.forEach(p -> roots.add(Path.of(p).toAbsolutePath().normalize()));
        try (ChangeWatcher watcher = new ChangeWatcher(roots)) {
            say(Say.say(lang, "watching", "rules", rulesGiven, "paths", String.join(" ", paths)));
            while (!Thread.currentThread().isInterrupted()) {
                once(watcher.next(), afterEach);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The dossiers of the last listing, by absolute path, named as the user named them. */
    private Map<Path, String> typed = Map.of();

    private void once(Set<Path> changed, ReportWriter afterEach) throws IOException {
        boolean rules = changed.stream().anyMatch(this::isRuleInput);
        DossierFiles.Listing listing = DossierFiles.list(paths);
        Map<Path, String> byPath = new LinkedHashMap<>();
        listing.files().forEach((name, p) -> byPath.put(p.toAbsolutePath().normalize(), name));
        typed = byPath;
        boolean dossiers = changed.stream().anyMatch(byPath::containsKey)
                || results.keySet().stream().anyMatch(n -> !listing.files().containsKey(n));
        if (!rules && !dossiers) {
            return;
        }
        // Name what matters, not the temporary files editors write beside it.
        say("— " + String.join(", ", changed.stream()
                .filter(p -> isRuleInput(p) || byPath.containsKey(p) || results.containsKey(shown(p)))
                .map(this::shown).toList()) + " —");
        if (rules) {
            try {
                book = RuleBookLoader.load(rulesGiven, cache);
            } catch (RuleInputException e) {
                // on stdout, under the notice: the watch is read there, and the fix is in these lines
                say(Say.say(lang, "rulesDoNotBuild", "count", e.problems().size(), "plural", e.problems().size() == 1 ? "" : "s"));
                e.problems().forEach(problem -> out.println("  " + problem));
                out.flush();
                return;
            }
        }
        BatchResult before = waive.apply(new BatchResult(List.copyOf(results.values())));
        results.keySet().retainAll(listing.files().keySet());
        Map<String, Path> again = new LinkedHashMap<>();
        listing.files().forEach((name, p) -> {
            if (rules || changed.contains(p.toAbsolutePath().normalize()) || !results.containsKey(name)) {
                again.put(name, p);
            }
        });
        recheck(again).dossiers().forEach(d -> results.put(d.file(), d));
        BatchResult after = waive.apply(new BatchResult(List.copyOf(results.values())));
        FindingChanges changes = FindingChanges.between(before, after, lang);
        changes.lines().forEach(out::println);
        Map<Verdict, Integer> v = after.verdicts();
        String what = changes.lines().isEmpty() ? Say.say(lang, "watchNoChange")
                : Say.say(lang, "watchChanges", "added", changes.added(), "gone", changes.gone());
        say(Say.say(lang, "watchSummary", "changes", what, "rechecked", again.size(), "compliant",
                v.get(Verdict.COMPLIANT), "non_compliant", v.get(Verdict.NON_COMPLIANT), "error", v.get(Verdict.ERROR)));
        afterEach.write(after, book);
    }

    private boolean isRuleInput(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        return p.startsWith(rulesDir) && !p.startsWith(rulesDir.resolve("tests"))
                && (name.endsWith(".drl") || name.equals(Params.FILE) || name.equals(PilotRegistry.FILE));
    }

    /** A changed file named as the user named it: a dossier as listed, a rule file under --rules as given. */
    private String shown(Path p) {
        String name = typed.get(p);
        if (name != null) {
            return name;
        }
        if (p.startsWith(rulesDir)) {
            return rulesGiven.resolve(rulesDir.relativize(p)).toString().replace('\\', '/');
        }
        for (String gone : results.keySet()) {
            if (Path.of(gone).toAbsolutePath().normalize().equals(p)) {
                return gone;
            }
        }
        Path here = Path.of("").toAbsolutePath();
        return (p.startsWith(here) ? here.relativize(p) : p).toString().replace('\\', '/');
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    /** Writes the report of a new result (to {@code --output}), or does nothing. */
    @FunctionalInterface
    interface ReportWriter {
        void write(BatchResult result, RuleBook book) throws IOException;
    }

    /** Checks the changed dossiers through the check API, on this thread. */
    private BatchResult recheck(Map<String, Path> files) {
        Iterator<DossierInput> inputs = DossierInput.files(files.entrySet().iterator());
        return Check.runToEnd(CheckRequest.of(book, inputs).withTotal(files.size()).withAsOf(asOf).withLimits(limits)
                .withJobs(1)).checked();
    }
}
