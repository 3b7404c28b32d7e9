package io.pilotcheck.check;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;

import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.dossier.DossierLoader;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.dossier.LoadedDossier;
import io.pilotcheck.rules.RuleBook;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Checks dossier files: load, evaluate and (optionally) prepare each for the reports, on as many
 * threads as asked, handing the results on in listing order. At most a few hundred dossiers are
 * in flight whatever the batch size, so memory stays flat, and the order (hence every report's
 * bytes) does not depend on the number of threads.
 */
public final class BatchCheck {

    /** Files per task: enough to amortise handing work between threads, few enough to keep all busy. */
    private static final int CHUNK = 32;
    /** Tasks in flight per thread: keeps every thread fed while the in-order consumer catches up. */
    private static final int AHEAD = 4;

    private final DossierLoader loader;
    private final DossierCheck check;
    /** How long a stopped batch waits for its workers before it gives their sessions up. */
    private final java.time.Duration stopWithin;
    private final Map<String, LoadedDossier> preloaded = new java.util.concurrent.ConcurrentHashMap<>();

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
        // a worker stops after the dossier in hand, whose rules stop at the engine's time limit
        this.stopWithin = engine.maxTime().plusSeconds(5);
    }

    /**
     * Dossiers already loaded (while the rules were being prepared, say), by name: the batch
     * uses each instead of reading its file again.
     */
    public BatchCheck preloaded(Map<String, LoadedDossier> early) {
        preloaded.putAll(early);
        return this;
    }

    private LoadedDossier load(DossierInput in) {
        LoadedDossier early = preloaded.remove(in.name());
        return early != null ? early : in.load(loader);
    }


    /**
     * Checks every listed file on this thread.
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
            return run(files, asOf, today, 1, progress, () -> false);
        } catch (Stopped e) {
            throw new IllegalStateException("a batch that cannot be stopped stopped", e);
        }
    }

    /**
     * Checks every listed file on {@code jobs} threads and collects the results.
     *
     * @throws Stopped when {@code stop} said so; nothing is returned, since half a batch must not
     *                 be mistaken for a whole one
     */
    public BatchResult run(Map<String, Path> files, LocalDate asOf, LocalDate today, int jobs, IntConsumer progress,
                           BooleanSupplier stop) throws Stopped {
        return run(DossierInput.files(files.entrySet().iterator()), files.size(), asOf, today, jobs, progress, stop);
    }

    /**
     * Checks every input on {@code jobs} threads and collects the results.
     *
     * @param total the number of inputs, for {@link Stopped}; -1 when unknown
     * @throws Stopped when {@code stop} said so
     */
    public BatchResult run(Iterator<DossierInput> inputs, long total, LocalDate asOf, LocalDate today, int jobs,
                           IntConsumer progress, BooleanSupplier stop) throws Stopped {
        List<DossierResult> results = new ArrayList<>();
        stream(inputs, total, asOf, today, jobs, stop, d -> d, d -> {
            results.add(d);
            progress.accept(results.size());
        });
        return new BatchResult(results);
    }

    /**
     * Checks the files in order on {@code jobs} threads, turns each result into a {@code T} on
     * the thread that checked it ({@code prepare}: marking waivers, rendering report fragments),
     * and hands each {@code T} to {@code sink} on this thread, in the files' order.
     *
     * @param total the number of files, for {@link Stopped}; -1 when unknown
     * @param stop  asked before each file is handed to a thread; when it says stop, the files
     *              already handed out are finished and dropped
     * @throws Stopped when {@code stop} said so
     */
    public <T> void stream(Iterator<DossierInput> files, long total, LocalDate asOf, LocalDate today,
                           int jobs, BooleanSupplier stop, Function<DossierResult, T> prepare, Consumer<T> sink)
            throws Stopped {
        if (jobs <= 1) {
            sequential(files, total, asOf, today, stop, prepare, sink);
            return;
        }
        ConcurrentLinkedQueue<DossierCheck.Reusing> sessions = new ConcurrentLinkedQueue<>();
        ThreadLocal<DossierCheck.Reusing> session = ThreadLocal.withInitial(() -> {
            DossierCheck.Reusing s = check.reusing();
            sessions.add(s);
            return s;
        });
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "pilotcheck-check");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<List<T>>> inFlight = new ArrayDeque<>();
        long done = 0;
        try {
            while (files.hasNext() || !inFlight.isEmpty()) {
                while (files.hasNext() && inFlight.size() < jobs * AHEAD) {
                    if (stop.getAsBoolean()) {
                        throw new Stopped(done, total);
                    }
                    List<DossierInput> chunk = new ArrayList<>(CHUNK);
                    while (files.hasNext() && chunk.size() < CHUNK) {
                        chunk.add(files.next());
                    }
                    inFlight.add(pool.submit(() -> {
                        DossierCheck.Reusing s = session.get();
                        List<T> out = new ArrayList<>(chunk.size());
                        for (DossierInput f : chunk) {
                            if (Thread.currentThread().isInterrupted()) {
                                break; // cancelled: what is left of the chunk is not wanted
                            }
                            out.add(prepare.apply(s.check(load(f), asOf, today)));
                        }
                        return out;
                    }));
                }
                for (T t : take(inFlight.poll())) {
                    sink.accept(t);
                    done++;
                }
                if (stop.getAsBoolean()) {
                    throw new Stopped(done, total);
                }
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            // a session is closed only once its worker has stopped using it: closed under a
            // running rule, it fails that rule (or worse) on another thread
            boolean stopped;
            try {
                stopped = pool.awaitTermination(stopWithin.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = false;
            }
            if (stopped) {
                sessions.forEach(DossierCheck.Reusing::close);
            }
        }
    }

    private <T> void sequential(Iterator<DossierInput> files, long total, LocalDate asOf, LocalDate today,
                                BooleanSupplier stop, Function<DossierResult, T> prepare, Consumer<T> sink)
            throws Stopped {
        long done = 0;
        try (DossierCheck.Reusing session = check.reusing()) {
            while (files.hasNext()) {
                if (stop.getAsBoolean()) {
                    throw new Stopped(done, total);
                }
                DossierInput f = files.next();
                sink.accept(prepare.apply(session.check(load(f), asOf, today)));
                done++;
            }
        }
    }

    private static <T> List<T> take(Future<List<T>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking", e);
        } catch (ExecutionException e) {
            // check() reports every rule fault as a finding; anything else is a bug, not a bad file
            throw new IllegalStateException("checking a dossier failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }

    /** A batch stopped on request (Ctrl-C) after {@code done} of {@code total} files. */
    public static final class Stopped extends Exception {
        private final long done;
        private final long total;

        Stopped(long done, long total) {
            super("stopped after " + done + " of " + total + " files");
            this.done = done;
            this.total = total;
        }

        /** Files checked before the stop. */
        public long done() {
            return done;
        }

        /** Files in the batch, or -1 when unknown. */
        public long total() {
            return total;
        }
    }
}
