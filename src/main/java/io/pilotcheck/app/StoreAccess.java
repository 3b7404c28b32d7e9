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
