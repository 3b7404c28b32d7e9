package io.pilotcheck.cli;

import io.pilotcheck.check.BatchCheck;
import io.pilotcheck.check.BatchResult;
import io.pilotcheck.check.DossierFiles;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.report.CsvReport;
import io.pilotcheck.report.JUnitReport;
import io.pilotcheck.report.JsonReport;
import io.pilotcheck.report.RunInfo;
import io.pilotcheck.report.SarifReport;
import io.pilotcheck.report.XlsxReport;
import io.pilotcheck.report.HtmlReport;
import io.pilotcheck.report.TextReport;
import io.pilotcheck.report.WaiverNotes;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleInfo;
import io.pilotcheck.rules.RuleInputException;
import io.pilotcheck.waiver.WaiverFile;
import io.pilotcheck.waiver.WaiverLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code pilotcheck check PATH...}: check dossiers against the rules and report the findings. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check city dossiers (files, or folders searched for *.yaml/*.yml) against the rules.")
public final class CheckCommand implements Callable<Integer> {

    /** Report formats of {@code check}. */
    public enum Format {
        text(TextReport::streamed), json(JsonReport::streamed), csv((run, lang) -> CsvReport.streamed(lang)),
        junit(null), sarif(null), xlsx(null), html(null);

        private final java.util.function.BiFunction<RunInfo, io.pilotcheck.finding.Language,
                io.pilotcheck.report.StreamedReport> streamed;

        Format(java.util.function.BiFunction<RunInfo, io.pilotcheck.finding.Language,
                io.pilotcheck.report.StreamedReport> streamed) {
            this.streamed = streamed;
        }

        /** Whether the report can be written dossier by dossier, so a batch of any size streams. */
        boolean streams() {
            return streamed != null;
        }

        /** The streamed form of the report; only for a format that {@link #streams()}. */
        io.pilotcheck.report.StreamedReport streamed(RunInfo run, io.pilotcheck.finding.Language lang) {
            return streamed.apply(run, lang);
        }
    }

    /** Thresholds of {@code --fail-on}. */
    public enum FailOn {
        violation(Severity.VIOLATION), warning(Severity.WARNING), never(null);

        final Severity threshold;

        FailOn(Severity threshold) {
            this.threshold = threshold;
        }
    }

    /** At most this many dossiers are read ahead while the rules load: a bound on the memory it takes. */
    private static final int EARLY = 2000;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    /** Rules Main started loading before the options were parsed (used only if they match). */
    RulesPreload preload = RulesPreload.none();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "dossier files or folders")
    List<String> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "text (default), json, csv, junit, sarif, xlsx or html; repeat it, each with its own -o, for several reports in one run")
    List<Format> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write the report here (default: stdout); the n-th -o is for the n-th -f")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "evaluate as of this date (default: each dossier's as_of, else today)")
    LocalDate asOf;

    @Option(names = "--fail-on", defaultValue = "violation", paramLabel = "violation|warning|never",
            description = "lowest severity that makes the exit code 1 (default: violation); "
                    + "a dossier that cannot be checked always does")
    FailOn failOn;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "accept known gaps on record: waived findings stay in every report, marked with the "
                    + "reason, and do not fail the run; an expired waiver fails it, one that matched nothing is reported")
    Path waiversFile;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "10MiB", converter = SizeConverter.class,
            description = "a dossier file larger than this is not read but reported as an error (default: 10MiB; "
                    + "K, M, G are binary: 512K, 20MiB)")
    long maxFileSize;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "64",
            description = "YAML nested deeper than this is refused as an error (default: 64; a dossier needs 4)")
    int maxDepth;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "check on N threads (default: one per core); reports are the same whatever N")
    Integer jobs;

    @Option(names = "--no-progress",
            description = "no progress bar (one is drawn on stderr, when it is a terminal, for a batch that takes a while)")
    boolean noProgress;

    @Option(names = "--watch",
            description = "after the report, keep watching the rules (DRL, params.yaml, registry) and the PATHs; "
                    + "on each change check again and print only what changed in the findings (+ new, - gone); "
                    + "with --output the report file is rewritten too. Ctrl-C stops.")
    boolean watch;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        // Ctrl-C from here on stops cleanly with a message; the watch (if any) restores the default
        try (CtrlC ctrlC = CtrlC.catchWhileChecking(err, common.lang)) {
            return check(ctrlC, spec.commandLine().getOut(), err);
        }
    }

    private int check(CtrlC ctrlC, PrintWriter out, PrintWriter err) throws IOException {
        List<String> missing = DossierFiles.missing(paths);
        if (!missing.isEmpty()) {
            missing.forEach(m -> err.println("pilotcheck: no such file or folder: " + m));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        if (jobs != null && jobs < 1) {
            err.println("pilotcheck: --jobs must be at least 1");
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        if (maxDepth < 1) {
            err.println("pilotcheck: --max-depth must be at least 1");
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        Optional<String> badPairs = Reports.problem(formats, outputs, watch);
        if (badPairs.isPresent()) {
            err.println("pilotcheck: " + badPairs.get());
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        List<Reports.Report> reports = Reports.pair(formats, outputs);
        boolean streaming = !watch && reports.stream().allMatch(r -> r.format().streams());
        LoadLimits limits = new LoadLimits(maxFileSize, maxDepth);
        // The rules load on another thread while this one reads the first dossiers: on a short
        // run the two take about as long, and neither needs the other.
        Path rulesDir = common.rulesDir();
        io.pilotcheck.rules.CompiledRulesCache cache = common.cache();
        java.util.concurrent.CompletableFuture<Optional<RuleBook>> preloaded = preload.take(rulesDir, cache, err);
        java.util.concurrent.CompletableFuture<Optional<RuleBook>> loading = preloaded != null ? preloaded
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> RulesLoading.load(rulesDir, cache, err));
        // A streamed batch walks the folders as it goes; the others need every name at once.
        Map<String, Path> all = streaming ? null : DossierFiles.list(paths).files();
        Iterator<Map.Entry<String, Path>> walk = streaming ? DossierFiles.sorted(paths) : all.entrySet().iterator();
        long total = !streaming ? all.size() : !noProgress && BatchProgress.stderrIsTerminal() ? count(paths) : -1;
        List<Map.Entry<String, Path>> head = new ArrayList<>();
        Map<String, io.pilotcheck.dossier.LoadedDossier> early = readWhile(walk, head, limits,
                () -> loading.isDone() || ctrlC.pressed());
        Optional<RuleBook> book = loading.join();
        if (ctrlC.pressed()) {
            return interrupted(err, progress(0, total), List.of());
        }
        if (book.isEmpty()) {
            return ExitCode.CANNOT_CHECK.code();
        }
        Optional<List<Waiver>> waivers = readWaivers(book.get(), err);
        if (waivers.isEmpty()) {
            return ExitCode.CANNOT_CHECK.code();
        }
        if (streaming) {
            Iterator<Map.Entry<String, Path>> files = concat(head.iterator(), walk);
            return checkStreamed(files, total, book.get(), limits, early, reports, waivers.get(), ctrlC, out, err);
        }
        DossierFiles.Listing listing = new DossierFiles.Listing(all, List.of());
        UnaryOperator<BatchResult> waive = b -> WaiverLedger.apply(b, waivers.get(), evaluationDate());
        BatchResult checked;
        BatchResult batch;
        try (BatchProgress progress = BatchProgress.onStderr(listing.files().size(),
                common.lang == io.pilotcheck.finding.Language.EN ? "checking" : "检查档案", !noProgress)) {
            checked = new BatchCheck(book.get(), limits).preloaded(early)
                    .run(listing.files(), asOf, LocalDate.now(), jobs(), progress, ctrlC::pressed);
        } catch (BatchCheck.Stopped e) {
            return interrupted(err, e.done() + "/" + e.total(), List.of());
        }
        batch = waive.apply(checked);
        List<String> written = new ArrayList<>();
        for (Reports.Report r : reports) {
            if (ctrlC.pressed()) {
                return interrupted(err, checked.dossiers().size() + "/" + checked.dossiers().size(), written);
            }
            write(r, batch, book.get(), out);
            written.add(r.file() == null ? "stdout" : r.file().toString());
        }
        WaiverNotes.lines(batch, common.lang).forEach(err::println);
        err.flush();
        if (watch) {
            ctrlC.close(); // Ctrl-C ends the watch, as it always has
            new CheckWatch(rulesDir, cache, paths, asOf, limits, common.lang, book.get(), checked, waive, out, err)
                    .run((result, rules) -> {
                        for (Reports.Report r : reports) {
                            if (r.file() != null) {
                                write(r, result, rules, out);
                            }
                        }
                    });
            return ExitCode.OK.code();
        }
        return batch.fails(failOn.threshold) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    /** {@code check} when every report streams: flat memory whatever the batch size. */
    private int checkStreamed(Iterator<Map.Entry<String, Path>> files, long total, RuleBook book, LoadLimits limits,
                              Map<String, io.pilotcheck.dossier.LoadedDossier> early, List<Reports.Report> reports,
                              List<Waiver> waivers, CtrlC ctrlC, PrintWriter out, PrintWriter err) throws IOException {
        List<StreamedCheck.Target> targets = new ArrayList<>();
        reports.forEach(r -> targets.add(new StreamedCheck.Target(r.format().streamed(runInfo(book), common.lang), r.file())));
        StreamedCheck.Outcome outcome;
        try (StreamedCheck run = new StreamedCheck(targets)) {
            try (BatchProgress progress = BatchProgress.onStderr((int) Math.max(0, total),
                    common.lang == io.pilotcheck.finding.Language.EN ? "checking" : "检查档案", !noProgress && total > 0)) {
                outcome = run.check(new BatchCheck(book, limits).preloaded(early), files, total, asOf, LocalDate.now(), jobs(),
                        new WaiverLedger(waivers, evaluationDate()), progress, ctrlC::pressed);
            } catch (BatchCheck.Stopped e) {
                return interrupted(err, progress(e.done(), e.total()), List.of());
            }
            List<String> written = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                if (ctrlC.pressed()) {
                    return interrupted(err, outcome.tally().dossiers() + "/" + outcome.tally().dossiers(), written);
                }
                run.write(i, outcome, out);
                written.add(reports.get(i).file() == null ? "stdout" : reports.get(i).file().toString());
            }
        }
        WaiverNotes.lines(outcome.waivers(), common.lang).forEach(err::println);
        err.flush();
        return outcome.fails(failOn.threshold) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    /** "done/total", or "done" when the total was not counted (no progress bar). */
    private static String progress(long done, long total) {
        return total < 0 ? String.valueOf(done) : done + "/" + total;
    }

    /** Formats written dossier by dossier: a batch of any size streams through them. */
    /**
     * Reads dossiers from {@code walk} until {@code done} says stop (or {@link #EARLY} of them),
     * keeping each file taken in {@code head}, in order, and each loaded dossier by name.
     */
    private static Map<String, io.pilotcheck.dossier.LoadedDossier> readWhile(Iterator<Map.Entry<String, Path>> walk,
            List<Map.Entry<String, Path>> head, LoadLimits limits, java.util.function.BooleanSupplier done) {
        Map<String, io.pilotcheck.dossier.LoadedDossier> early = new java.util.HashMap<>();
        io.pilotcheck.dossier.DossierLoader loader = new io.pilotcheck.dossier.DossierLoader(limits);
        while (walk.hasNext() && !done.getAsBoolean() && early.size() < EARLY) {
            Map.Entry<String, Path> f = walk.next();
            head.add(f);
            early.put(f.getKey(), loader.load(f.getValue(), f.getKey()));
        }
        return early;
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
        long n = 0;
        for (Iterator<Map.Entry<String, Path>> it = DossierFiles.sorted(paths); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    /** {@code --jobs}, else one thread per core. */
    private int jobs() {
        return jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    }

    /** The one message of a run stopped by Ctrl-C: how far it got, and which reports are whole. */
    private int interrupted(PrintWriter err, String checked, List<String> written) {
        boolean en = common.lang == io.pilotcheck.finding.Language.EN;
        String reports = written.isEmpty() ? (en ? "no report was written" : "未写出任何报告")
                : (en ? "only these reports were written: " : "只写出了这些报告：") + String.join(", ", written);
        err.println(en ? "pilotcheck: interrupted after checking " + checked + " dossiers; " + reports
                : "pilotcheck：已中断，已检查 " + checked + " 个档案；" + reports);
        err.flush();
        return ExitCode.INTERRUPTED.code();
    }

    private Optional<List<Waiver>> readWaivers(RuleBook book, PrintWriter err) {
        if (waiversFile == null) {
            return Optional.of(List.of());
        }
        try {
            List<String> ids = book.rules().stream().map(RuleInfo::id).toList();
            return Optional.of(WaiverFile.read(waiversFile, waiversFile.toString(), ids, book.registry()));
        } catch (RuleInputException e) {
            RulesLoading.printProblems(e, "the waivers in " + waiversFile, err);
            return Optional.empty();
        }
    }

    private void write(Reports.Report r, BatchResult batch, RuleBook book, PrintWriter out) throws IOException {
        if (r.format() == Format.xlsx) {
            Output.write(XlsxReport.render(batch, book.rules(), book.registry(), runInfo(book), common.lang), r.file());
        } else {
            Output.write(render(r.format(), batch, book), r.file(), out);
        }
    }

    private RunInfo runInfo(RuleBook book) {
        return new RunInfo(Version.get(), evaluationDate().toString(), book.rules().size(), book::fingerprint);
    }

    /** {@code --as-of}, else today: the reports' date and the day waiver expiry is judged on. */
    private LocalDate evaluationDate() {
        return asOf != null ? asOf : LocalDate.now();
    }

    private String render(Format format, BatchResult batch, RuleBook book) {
        RunInfo run = runInfo(book);
        return switch (format) {
            case json -> JsonReport.render(batch, run, common.lang);
            case text -> TextReport.render(batch, run, common.lang);
            case csv -> CsvReport.render(batch, common.lang);
            case junit -> JUnitReport.render(batch, book.rules(), failOn.threshold, common.lang);
            case sarif -> SarifReport.render(batch, book.rules(), run, common.lang);
            case html -> HtmlReport.render(batch, book, run, common.lang);
            case xlsx -> throw new IllegalArgumentException("xlsx is binary: written by write()");
        };
    }
}
