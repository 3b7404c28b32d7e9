package io.pilotcheck.app;

import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.StoredSubmission;
import io.pilotcheck.store.SubmissionStore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Re-checks each pilot's latest submission that was last checked under other rules than those in
 * use now: its files as kept, as of the date its first check used, each result stored as a new
 * evaluation beside the old ones.
 */
public final class Rechecks {

    /** What a re-check did: the rules it used and the submissions it re-checked, in annex order of their pilots. */
    public record Rechecked(String rulesFingerprint, List<String> submissions) {
    }

    /**
     * One re-check at a time in this process: a second one waits, then finds what the first
     * re-checked already current (and the store adds no second evaluation under the same rules
     * should another instance re-check at the same moment).
     */
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    private final Supplier<RuleBook> rules;
    private final StoreAccess store;

    Rechecks(Supplier<RuleBook> rules, StoreAccess store) {
        this.rules = rules;
        this.store = store;
    }

    /** Re-checks the latest submissions of the pilots in scope that older rules checked. */
    public Rechecked latestUnderOlderRules(Scope scope) {
        RuleBook book = rules.get();
        SubmissionStore s = store.get();
        ONE_AT_A_TIME.lock();
        try {
            return new Rechecked(book.fingerprint(), underLock(s, book, scope));
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    private static List<String> underLock(SubmissionStore store, RuleBook book, Scope scope) {
        List<String> cities = book.registry().cities().stream().filter(scope::covers).map(PilotCity::name).toList();
        Set<String> stale = new LinkedHashSet<>();
        store.latest(scope, cities).values().stream().filter(e -> !e.rulesFingerprint().equals(book.fingerprint()))
                .forEach(e -> stale.add(e.submissionId()));
        List<String> done = new ArrayList<>();
        for (String id : stale) {
            StoredSubmission kept = store.submission(scope, id).orElseThrow();
            List<DossierInput> inputs = new ArrayList<>();
            for (StoredSubmission.File f : kept.files()) {
                inputs.add(DossierInput.bytes(f.name(), store.file(scope, id, f.name()).orElseThrow()));
            }
            StoredSubmission.Evaluation first = kept.evaluations().get(0);
            BatchResult batch = Check.runToEnd(CheckRequest.of(book, inputs).withAsOf(first.asOf()).withJobs(1)).batch();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            store.addEvaluationUnlessCurrent(id, Submissions.evaluation(now, EvaluationRecord.RECHECK, book.fingerprint(),
                    book.rules().size(), first.asOf(), batch)).ifPresent(added -> done.add(id));
        }
        return done;
    }
}
