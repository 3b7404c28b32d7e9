package io.pilotcheck.store;

import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.rules.RuleBook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Re-checks each pilot's latest submission that was last checked under other rules than
 * {@code book}: its files as kept, as of the date its first check used, each result stored as a
 * new evaluation beside the old ones.
 */
public final class Recheck {

    private Recheck() {
    }

    /**
     * One re-check at a time in this process: a second one waits, then finds what the first
     * re-checked already current (and the store adds no second evaluation under the same rules
     * should another instance re-check at the same moment).
     */
    private static final java.util.concurrent.locks.ReentrantLock ONE_AT_A_TIME = new java.util.concurrent.locks.ReentrantLock();

    /** The submissions re-checked, in annex order of the pilots whose latest they are. */
    public static List<String> latestUnderOlderRules(SubmissionStore store, RuleBook book) {
        ONE_AT_A_TIME.lock();
        try {
            return underLock(store, book);
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    private static List<String> underLock(SubmissionStore store, RuleBook book) {
        List<String> cities = book.registry().cities().stream().map(io.pilotcheck.registry.PilotCity::name).toList();
        Set<String> stale = new LinkedHashSet<>();
        store.latest(cities).values().stream().filter(e -> !e.rulesFingerprint().equals(book.fingerprint()))
                .forEach(e -> stale.add(e.submissionId()));
        List<String> done = new ArrayList<>();
        for (String id : stale) {
            StoredSubmission kept = store.submission(id).orElseThrow();
            List<DossierInput> inputs = new ArrayList<>();
            for (StoredSubmission.File f : kept.files()) {
                inputs.add(DossierInput.bytes(f.name(), store.file(id, f.name()).orElseThrow()));
            }
            StoredSubmission.Evaluation first = kept.evaluations().get(0);
            BatchResult batch = Check.runToEnd(CheckRequest.of(book, inputs).withAsOf(first.asOf()).withJobs(1)).batch();
            store.addEvaluationUnlessCurrent(id, EvaluationRecord.of(Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    EvaluationRecord.RECHECK, book, first.asOf(), batch)).ifPresent(added -> done.add(id));
        }
        return done;
    }
}
