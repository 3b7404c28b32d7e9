package io.pilotcheck.api;

import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.dossier.LoadedDossier;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.rules.RuleBook;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * What to check and how: the one input of {@link Check}, whichever front end builds it (the
 * command line, a web service, a test). Build one with {@link #of} and the {@code with…} methods;
 * each returns a new request.
 *
 * @param book      the compiled rules
 * @param inputs    the dossiers, in the order reports list them; read as the batch goes, so a
 *                  batch of any size streams
 * @param total     how many inputs there are, or -1 when not counted (progress only)
 * @param asOf      the evaluation date for every dossier ({@code --as-of}), or null: each
 *                  dossier's own {@code as_of}, else {@code today}
 * @param today     the date used for a dossier with no {@code as_of} when {@code asOf} is null
 * @param waivers   gaps accepted on record
 * @param limits    how large and deep a dossier may be
 * @param jobs      threads to check on
 * @param stop      asked between dossiers; when it says stop, the check ends with {@link CheckStopped}
 * @param progress  told how many dossiers are done, after each
 * @param preloaded dossiers already loaded, by name (read while the rules were loading): used
 *                  instead of reading their inputs again
 */
public record CheckRequest(RuleBook book, Iterator<DossierInput> inputs, long total, LocalDate asOf, LocalDate today,
                           List<Waiver> waivers, LoadLimits limits, int jobs, BooleanSupplier stop,
                           IntConsumer progress, Map<String, LoadedDossier> preloaded) {

    /** Requires the rules, the inputs and the dates' fallback. */
    public CheckRequest {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(today, "today");
        waivers = List.copyOf(waivers);
        Objects.requireNonNull(limits, "limits");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(progress, "progress");
        preloaded = Map.copyOf(preloaded);
    }

    /** Checks {@code inputs} with {@code book} as of today: no waivers, default limits, one thread per core. */
    public static CheckRequest of(RuleBook book, Iterator<DossierInput> inputs) {
        return new CheckRequest(book, inputs, -1, null, LocalDate.now(), List.of(), LoadLimits.DEFAULT,
                Runtime.getRuntime().availableProcessors(), () -> false, done -> { }, Map.of());
    }

    /** As {@link #of(RuleBook, Iterator)}, for inputs already in a list (counted). */
    public static CheckRequest of(RuleBook book, List<DossierInput> inputs) {
        return of(book, inputs.iterator()).withTotal(inputs.size());
    }

    /** The same request with the number of inputs known. */
    public CheckRequest withTotal(long n) {
        return new CheckRequest(book, inputs, n, asOf, today, waivers, limits, jobs, stop, progress, preloaded);
    }

    /** The same request evaluated as of {@code date} (null: each dossier's own {@code as_of}). */
    public CheckRequest withAsOf(LocalDate date) {
        return new CheckRequest(book, inputs, total, date, today, waivers, limits, jobs, stop, progress, preloaded);
    }

    /** The same request with another "today". */
    public CheckRequest withToday(LocalDate date) {
        return new CheckRequest(book, inputs, total, asOf, date, waivers, limits, jobs, stop, progress, preloaded);
    }

    /** The same request with these waivers. */
    public CheckRequest withWaivers(List<Waiver> list) {
        return new CheckRequest(book, inputs, total, asOf, today, list, limits, jobs, stop, progress, preloaded);
    }

    /** The same request with these limits. */
    public CheckRequest withLimits(LoadLimits l) {
        return new CheckRequest(book, inputs, total, asOf, today, waivers, l, jobs, stop, progress, preloaded);
    }

    /** The same request on {@code n} threads. */
    public CheckRequest withJobs(int n) {
        return new CheckRequest(book, inputs, total, asOf, today, waivers, limits, n, stop, progress, preloaded);
    }

    /** The same request, stopped when {@code signal} says so. */
    public CheckRequest withStop(BooleanSupplier signal) {
        return new CheckRequest(book, inputs, total, asOf, today, waivers, limits, jobs, signal, progress, preloaded);
    }

    /** The same request, telling {@code listener} how many dossiers are done. */
    public CheckRequest withProgress(IntConsumer listener) {
        return new CheckRequest(book, inputs, total, asOf, today, waivers, limits, jobs, stop, listener, preloaded);
    }

    /** The same request, using these already loaded dossiers by name. */
    public CheckRequest withPreloaded(Map<String, LoadedDossier> early) {
        return new CheckRequest(book, inputs, total, asOf, today, waivers, limits, jobs, stop, progress, early);
    }

    /** The date reports carry and waiver expiry is judged on: {@code asOf}, else today. */
    public LocalDate evaluationDate() {
        return asOf != null ? asOf : today;
    }
}
