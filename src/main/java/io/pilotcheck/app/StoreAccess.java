package io.pilotcheck.app;

import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.SubmissionStore;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The store, or its absence: a service started without one answers every request that needs it
 * with {@link StoreUnavailable}, and one whose store is still opening waits for it.
 */
final class StoreAccess {

    private final Supplier<SubmissionStore> store;

    StoreAccess(Supplier<SubmissionStore> store) {
        this.store = store;
    }

    SubmissionStore get() {
        SubmissionStore s = store.get();
        if (s == null) {
            throw new StoreUnavailable("this server keeps no submissions (no store)", null);
        }
        return s;
    }

    /** The editions of the rules this process has kept, so that each is written once. */
    private final java.util.Set<String> editionsKept = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Keeps what the rules of {@code book} say beside the evaluations made under them, once. */
    void keepEdition(io.pilotcheck.rules.RuleBook book) {
        if (editionsKept.add(book.fingerprint())) {
            try {
                get().keepRuleEdition(book.fingerprint(), io.pilotcheck.rules.RuleEdition.of(book).json());
            } catch (RuntimeException e) {
                editionsKept.remove(book.fingerprint()); // tried again with the next evaluation
                throw e;
            }
        }
    }

    /** The edition of the rules kept under {@code fingerprint}, or empty when none was kept (older stores). */
    java.util.Optional<io.pilotcheck.rules.RuleEdition> edition(String fingerprint) {
        return get().ruleEdition(fingerprint).map(io.pilotcheck.rules.RuleEdition::fromJson);
    }

    java.util.Optional<io.pilotcheck.store.SubmissionStore.Connections> connections() {
        SubmissionStore s = store.get();
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.connections());
    }

    boolean present() {
        return store.get() != null;
    }

    Optional<String> problem(Duration wait) {
        SubmissionStore s = store.get();
        return s == null ? Optional.empty() : s.problem(wait);
    }

    String shown() {
        SubmissionStore s = store.get();
        return s == null ? "none" : s.shown();
    }
}
