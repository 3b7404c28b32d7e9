package io.pilotcheck.check;

import io.pilotcheck.dossier.DossierLoader;
import io.pilotcheck.rules.RuleBook;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Checks a listing of dossier files: load, evaluate, collect, one file at a time, each in its own
 * session. Loading, evaluating and rendering stay separate steps, so the loop can later stream
 * and run on all cores without changing any of them.
 */
public final class BatchCheck {

    private final DossierLoader loader = new DossierLoader();
    private final DossierCheck check;

    /** A batch checker over compiled rules. */
    public BatchCheck(RuleBook book) {
        this.check = new DossierCheck(book);
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
        List<DossierResult> results = new ArrayList<>(files.size());
        files.forEach((name, path) -> {
            results.add(check.check(loader.load(path, name), asOf, today));
            progress.accept(results.size());
        });
        return new BatchResult(results);
    }
}
