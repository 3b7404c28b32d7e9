package io.pilotcheck.cli;

import io.pilotcheck.report.ReportFormat;
import io.pilotcheck.report.ReportHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code pilotcheck check PATH...}: the options of a check. {@link CheckRun} maps them to the
 * check API ({@link io.pilotcheck.api.Check}) and its outcome to reports and an exit code.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check city dossiers (files, or folders searched for *.yaml/*.yml/*.xlsx) against the rules.")
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    /** Rules Main started loading before the options were parsed (used only if they match). */
    RulesPreload preload = RulesPreload.none();

    @Parameters(arity = "1..*", paramLabel = "PATH", descriptionKey = "PATH", description = "dossier files or folders")
    List<String> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "text (default), json, csv, junit, sarif, xlsx or html; repeat it, each with its own -o, for several reports in one run")
    List<ReportFormat> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write the report here (default: stdout); the n-th -o is for the n-th -f")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "evaluate as of this date (default: each dossier's as_of, else today)")
    LocalDate asOf;

    @Option(names = "--title", paramLabel = "TEXT",
            description = "the report's title in the HTML and xlsx headers and the JSON report (default: the standard title)")
    String title;

    @Option(names = "--organisation", paramLabel = "TEXT",
            description = "who made the report (e.g. a provincial commission's climate division), shown beside the title")
    String organisation;

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

    @Option(names = "--record",
            description = "also keep this batch as a submission (source cli) in the store pilotcheck serve uses "
                    + "(--data or --db): its files as read, its findings; the dashboard and history show it")
    boolean record;

    @Option(names = "--submitter", paramLabel = "NAME", description = "with --record: who submits (a name, kept with it)")
    String submitter;

    @Option(names = "--user", paramLabel = "NAME",
            description = "with --record on a shared store: the account that submits; its token from $PILOTCHECK_TOKEN, "
                    + "else its password from $PILOTCHECK_PASSWORD or asked on the terminal")
    String user;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        // Ctrl-C from here on stops cleanly with a message; the watch (if any) restores the default
        try (CtrlC ctrlC = CtrlC.catchWhileChecking(err, common.lang)) {
            return new CheckRun(this, ctrlC, spec.commandLine().getOut(), err).run();
        }
    }

    /** {@code --jobs}, else one thread per core. */
    int jobs() {
        return jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    }

    /** {@code --as-of}, else today: the day waiver expiry is judged on. */
    LocalDate evaluationDate() {
        return asOf != null ? asOf : LocalDate.now();
    }

    /** What the reports say of themselves: made today, as of {@code --as-of} if given, by whom. */
    ReportHeader header() {
        return ReportHeader.of(LocalDate.now(), asOf).by(title, organisation);
    }
}
