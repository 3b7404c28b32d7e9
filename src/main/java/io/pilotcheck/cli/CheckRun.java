package io.pilotcheck.cli;

import io.pilotcheck.api.CheckStopped;
import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckOutcome;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.api.StreamedOutcome;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.files.DossierFiles;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.dossier.DossierLoader;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.dossier.LoadedDossier;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.WaiverUse;
import io.pilotcheck.finding.Verdict;
import io.pilotcheck.finding.BatchTally;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.report.ReportContext;
import io.pilotcheck.report.ReportFile;
import io.pilotcheck.report.StreamedReport;
import io.pilotcheck.report.WaiverNotes;
import io.pilotcheck.rules.CompiledRulesCache;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleInfo;
import io.pilotcheck.source.RuleInputException;
import io.pilotcheck.waiver.WaiverFile;
import io.pilotcheck.waiver.WaiverLedger;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

/**
 * One {@code check} run: its options mapped to a {@link CheckRequest}, the request to
 * {@link Check}, and the outcome to report files, notes on stderr and an exit code.
 */
final class CheckRun {

    /** At most this many dossiers are read ahead while the rules load: a bound on the memory it takes. */
    private static final int EARLY = 2000;

    private final CheckCommand o;
    private final CtrlC ctrlC;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Language lang;

    CheckRun(CheckCommand options, CtrlC ctrlC, PrintWriter out, PrintWriter err) {
        this.o = options;
        this.ctrlC = ctrlC;
        this.out = out;
        this.err = err;
        this.lang = options.common.lang;
    }

    /** Every dossier of a whole batch by the name it is reported under (null when streamed). */
    /** With --record: each dossier as checked, by name (its bytes, unless it could not be read whole). */
    private Map<String, DossierInput> recorded;

    int run() throws IOException {
        Optional<String> usage = usageProblem();
        if (usage.isPresent()) {
            err.println(usage.get());
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        List<Reports.Report> reports = Reports.pair(o.formats, o.outputs);
        // a recorded batch is kept whole, so it takes the path that holds the whole batch
        boolean streaming = !o.watch && !o.record && reports.stream().allMatch(r -> r.format().streams());
        LoadLimits limits = new LoadLimits(o.maxFileSize, o.maxDepth);
        Path rulesDir = o.common.rulesDir();
        CompiledRulesCache cache = o.common.cache();
        // The rules load on another thread while this one reads the first dossiers: on a short
        // run the two take about as long, and neither needs the other.
        CompletableFuture<Optional<RuleBook>> preloaded = o.preload.take(rulesDir, cache, lang, err);
        CompletableFuture<Optional<RuleBook>> loading = preloaded != null ? preloaded
                : CompletableFuture.supplyAsync(() -> RulesLoading.load(rulesDir, cache, lang, err));
        // A streamed batch walks the folders as it goes; the others need every name at once.
        Map<String, Path> all = streaming ? null : DossierFiles.list(o.paths).files();
        // a recorded batch is read once, and the bytes checked are the bytes kept
        recorded = o.record ? readWhole(all, limits) : null;
        Iterator<DossierInput> walk = recorded != null ? recorded.values().iterator()
                : DossierInput.files(streaming ? DossierFiles.sorted(o.paths) : all.entrySet().iterator());
        long total = !streaming ? all.size()
                : !o.noProgress && BatchProgress.stderrIsTerminal() ? count(o.paths) : -1;
        List<DossierInput> head = new ArrayList<>();
        Map<String, LoadedDossier> early = readWhile(walk, head, limits, () -> loading.isDone() || ctrlC.pressed());
        Optional<RuleBook> book = loading.join();
        if (ctrlC.pressed()) {
            return interrupted(progress(0, total), List.of());
        }
        Optional<List<Waiver>> waivers = book.isEmpty() ? Optional.empty() : readWaivers(book.get());
        if (waivers.isEmpty()) {
            return ExitCode.CANNOT_CHECK.code();
        }
        Iterator<DossierInput> inputs = concat(head.iterator(), walk);
        CheckRequest request = CheckRequest.of(book.get(), inputs).withTotal(total).withAsOf(o.asOf)
                .withWaivers(waivers.get()).withLimits(limits).withJobs(o.jobs()).withStop(ctrlC::pressed)
                .withPreloaded(early);
        return streaming ? streamed(request, reports, total) : whole(request, reports, rulesDir, cache);
    }

    /** What is wrong with the command line beyond what picocli checks, as the line to print. */
    private Optional<String> usageProblem() {
        List<String> missing = DossierFiles.missing(o.paths);
        if (!missing.isEmpty()) {
            return Optional.of(String.join("\n", missing.stream().map(m -> Say.say(lang, "noSuchPath", "path", m)).toList()));
        }
        List<String> empty = DossierFiles.withoutDossiers(o.paths);
        if (!o.watch && !empty.isEmpty() && empty.size() == o.paths.size()) {
            // Nothing to check is a mistake in what was named, not a clean batch of none.
            return Optional.of(String.join("\n", empty.stream().map(f -> Say.say(lang, "noDossiers", "path", f)).toList()));
        }
        empty.forEach(f -> err.println(Say.say(lang, "noDossiersHere", "path", f)));
        if (o.jobs != null && o.jobs < 1) {
            return Optional.of(Say.say(lang, "jobsAtLeastOne"));
        }
        if (o.maxDepth < 1) {
            return Optional.of(Say.say(lang, "maxDepthAtLeastOne"));
        }
        return Reports.problem(o.formats, o.outputs, o.watch, lang);
    }

    /** {@code check} when every report streams: flat memory whatever the batch size. */
    private int streamed(CheckRequest request, List<Reports.Report> reports, long total) throws IOException {
        ReportContext context = context(request.book());
        List<StreamedReport> parts = reports.stream().map(r -> r.format().streamed(context)).toList();
        try (BatchProgress progress = BatchProgress.onStderr((int) Math.max(0, total), task(), !o.noProgress && total > 0);
             StreamedOutcome outcome = Check.stream(request.withProgress(progress), parts)) {
            progress.close(); // the bar leaves the terminal before the reports are written, not after
            List<String> written = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                if (ctrlC.pressed()) {
                    return interrupted(outcome.tally().dossiers() + "/" + outcome.tally().dossiers(), written);
                }
                int n = i;
                ReportFile.write((w, bytes) -> outcome.writeTo(n, w, bytes), reports.get(i).file(), out);
                written.add(name(reports.get(i)));
            }
            afterBatch(outcome.tally(), outcome.waivers(), reports);
            return outcome.fails(o.failOn.threshold) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
        } catch (CheckStopped e) {
            return interrupted(progress(e.done(), e.total()), List.of());
        }
    }

    /**
     * The lines on stderr after a batch: the waivers to act on, the pilots with more than one
     * dossier, and one line per report written to a file, so a run whose report went to a file
     * does not end in silence.
     */
    private void afterBatch(BatchTally tally, List<WaiverUse> waivers, List<Reports.Report> reports) {
        WaiverNotes.lines(waivers, lang).forEach(err::println);
        String separator = Say.say(lang, "listSeparator");
        for (BatchTally.SharedCity c : tally.sharedCities()) {
            String files = String.join(separator, c.files()) + (c.count() > c.files().size() ? separator + "…" : "");
            err.println(Say.say(lang, "sameCity", "city", c.city(), "count", c.count(), "files", files));
        }
        Map<Verdict, Integer> verdicts = tally.verdicts();
        for (Reports.Report r : reports) {
            if (r.file() != null) {
                err.println(Say.say(lang, "wroteReport", "file", r.file(), "dossiers", tally.dossiers(),
                        "plural", tally.dossiers() == 1 ? "" : "s", "non_compliant", verdicts.get(Verdict.NON_COMPLIANT),
                        "errors", verdicts.get(Verdict.ERROR)));
            }
        }
        err.flush();
    }

    /** {@code check} with a report that needs the whole batch, or {@code --watch}. */
    private int whole(CheckRequest request, List<Reports.Report> reports, Path rulesDir, CompiledRulesCache cache)
            throws IOException {
        CheckOutcome outcome;
        try (BatchProgress progress = BatchProgress.onStderr((int) request.total(), task(), !o.noProgress)) {
            outcome = Check.run(request.withProgress(progress));
        } catch (CheckStopped e) {
            return interrupted(e.done() + "/" + e.total(), List.of());
        }
        RuleBook book = request.book();
        List<String> written = new ArrayList<>();
        for (Reports.Report r : reports) {
            if (ctrlC.pressed()) {
                int n = outcome.batch().dossiers().size();
                return interrupted(n + "/" + n, written);
            }
            ReportFile.write(r.format(), outcome.batch(), context(book), r.file(), out);
            written.add(name(r));
        }
        afterBatch(outcome.batch().tally(), outcome.batch().waivers(), reports);
        if (o.record && !Recording.keep(o, book, outcome.batch(), recorded, lang, err)) {
            return ExitCode.CANNOT_CHECK.code();
        }
        if (!o.watch) {
            return outcome.fails(o.failOn.threshold) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
        }
        ctrlC.close(); // Ctrl-C ends the watch, as it always has
        List<Waiver> waivers = request.waivers();
        new CheckWatch(rulesDir, cache, o.paths, o.asOf, request.limits(), lang, book, outcome.checked(),
                b -> WaiverLedger.apply(b, waivers, o.evaluationDate()), out, err)
                .run((result, rules) -> {
                    for (Reports.Report r : reports) {
                        if (r.file() != null) {
                            ReportFile.write(r.format(), result, context(rules), r.file(), out);
                        }
                    }
                });
        return ExitCode.OK.code();
    }

    private ReportContext context(RuleBook book) {
        return Check.reportContext(book, o.header(), lang, o.failOn.threshold);
    }

    private String task() {
        return Say.say(lang, "checkingLabel");
    }

    private static String name(Reports.Report r) {
        return r.file() == null ? "stdout" : r.file().toString();
    }

    /** "done/total", or "done" when the total was not counted (no progress bar). */
    private static String progress(long done, long total) {
        return total < 0 ? String.valueOf(done) : done + "/" + total;
    }

    /**
     * Reads dossiers from {@code walk} until {@code done} says stop (or {@link #EARLY} of them),
     * keeping each input taken in {@code head}, in order, and each loaded dossier by name.
     */
    private static Map<String, LoadedDossier> readWhile(Iterator<DossierInput> walk, List<DossierInput> head,
                                                        LoadLimits limits, java.util.function.BooleanSupplier done) {
        Map<String, LoadedDossier> early = new HashMap<>();
        DossierLoader loader = new DossierLoader(limits);
        while (walk.hasNext() && !done.getAsBoolean() && early.size() < EARLY) {
            DossierInput in = walk.next();
            head.add(in);
            early.put(in.name(), in.load(loader));
        }
        return early;
    }

    /**
     * Each file's bytes, read once within the size limit: what is checked is what is kept. A file
     * over the limit is reported as too large and not kept; one that cannot be read is left to the
     * loader, which says why.
     */
    private static Map<String, DossierInput> readWhole(Map<String, Path> files, LoadLimits limits) {
        DossierLoader loader = new DossierLoader(limits);
        Map<String, DossierInput> out = new java.util.LinkedHashMap<>();
        files.forEach((name, path) -> {
            try {
                out.put(name, loader.read(path, name));
            } catch (java.io.IOException e) {
                out.put(name, DossierInput.file(name, path));
            }
        });
        return out;
    }

    private static <T> Iterator<T> concat(Iterator<T> first, Iterator<T> then) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || then.hasNext();
            }

            @Override
            public T next() {
                return first.hasNext() ? first.next() : then.next();
            }
        };
    }

    /** How many dossier files the PATHs hold: a second walk, done only to draw a progress bar. */
    private static long count(List<String> paths) {
        Iterable<Map.Entry<String, Path>> all = () -> DossierFiles.sorted(paths);
        return StreamSupport.stream(all.spliterator(), false).count();
    }

    /** The one message of a run stopped by Ctrl-C: how far it got, and which reports are whole. */
    private int interrupted(String checked, List<String> written) {
        String reports = written.isEmpty() ? Say.say(lang, "interruptedNoReport")
                : Say.say(lang, "interruptedSomeReports", "files", String.join(", ", written));
        err.println(Say.say(lang, "interrupted", "checked", checked, "reports", reports));
        err.flush();
        return ExitCode.INTERRUPTED.code();
    }

    private Optional<List<Waiver>> readWaivers(RuleBook book) {
        if (o.waiversFile == null) {
            return Optional.of(List.of());
        }
        try {
            List<String> ids = book.rules().stream().map(RuleInfo::id).toList();
            return Optional.of(WaiverFile.read(o.waiversFile, o.waiversFile.toString(), ids, book.registry()));
        } catch (RuleInputException e) {
            RulesLoading.printProblems(e, Say.say(lang, "unusableWaivers", "file", o.waiversFile), lang, err);
            return Optional.empty();
        }
    }
}
