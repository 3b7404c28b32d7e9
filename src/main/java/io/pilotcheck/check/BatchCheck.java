package io.pilotcheck.check;

import io.pilotcheck.dossier.DossierLoader;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.rules.RuleBook;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Checks a listing of dossier files: load, evaluate, collect, one file at a time, each in its own
 * session. Loading, evaluating and rendering stay separate steps, so the loop can later stream
 * and run on all cores without changing any of them.
 */
public final class BatchCheck {

    private final DossierLoader loader;
    private final DossierCheck check;

    /** A batch checker over compiled rules, loading files with the default limits. */
    public BatchCheck(RuleBook book) {
        this(book, LoadLimits.DEFAULT);
    }

    /** A batch checker over compiled rules, loading files within {@code limits}. */
    public BatchCheck(RuleBook book, LoadLimits limits) {
        this(book, limits, EngineLimits.DEFAULT);
    }

    /** A batch checker loading files within {@code load} and stopping each dossier's rules at {@code engine}. */
    public BatchCheck(RuleBook book, LoadLimits load, EngineLimits engine) {
        this.loader = new DossierLoader(load);
        this.check = new DossierCheck(book, engine);
    }

    /**
     * Checks every listed file.
     *
     * @param asOf  {@code --as-of}, or null
     * @param today the date used for dossiers with no {@code as_of} when {@code asOf} is null
     */
    public BatchResult run(Map<String, Path> files, LocalDate asOf, LocalDate today) {
        return run(files, asOf, today, done -> { });
    }

    /** As {@link #run(Map, LocalDate, LocalDate)}, telling {@code progress} how many files are done after each. */
    public BatchResult run(Map<String, Path> files, LocalDate asOf, LocalDate today, IntConsumer progress) {
        try {
            return run(files, asOf, today, progress, () -> false);
        } catch (Stopped e) {
            throw new IllegalStateException("a batch that cannot be stopped stopped", e);
        }
    }

    /**
     * As {@link #run(Map, LocalDate, LocalDate, IntConsumer)}, asking {@code stop} before each
     * file whether to go on.
     *
     * @throws Stopped when {@code stop} said so; nothing is returned, since half a batch must not
     *                 be mistaken for a whole one
     */
    public BatchResult run(Map<String, Path> files, LocalDate asOf, LocalDate today, IntConsumer progress,
                           BooleanSupplier stop) throws Stopped {
        List<DossierResult> results = new ArrayList<>(files.size());
        for (Map.Entry<String, Path> file : files.entrySet()) {
            if (stop.getAsBoolean()) {
                throw new Stopped(results.size(), files.size());
            }
            results.add(check.check(loader.load(file.getValue(), file.getKey()), asOf, today));
            progress.accept(results.size());
        }
        return new BatchResult(results);
    }

    /** A batch stopped on request (Ctrl-C) after {@code done} of {@code total} files. */
    public static final class Stopped extends Exception {
        private final int done;
        private final int total;

        Stopped(int done, int total) {
            super("stopped after " + done + " of " + total + " files");
            this.done = done;
            this.total = total;
        }

        /** Files checked before the stop. */
        public int done() {
            return done;
        }

        /** Files in the batch. */
        public int total() {
            return total;
        }
    }
}
