package io.pilotcheck.app;

import io.pilotcheck.rules.CompiledRulesCache;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleBookLoader;
import io.pilotcheck.rules.RuleEdition;
import io.pilotcheck.rules.RuleSetFolder;
import io.pilotcheck.source.RuleInputException;
import io.pilotcheck.store.RuleSetStore.NewRuleSet;
import io.pilotcheck.store.RuleSetStore.Published;
import io.pilotcheck.store.RuleSetStore.RuleSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule sets kept in the store: publishing a rules folder as the next set, the list of sets
 * with what changed from one to the next, and the active set's rule book for a service to check
 * with, so every instance on one store checks with the same rules.
 */
public final class RuleSets {

    private final StoreAccess store;

    RuleSets(StoreAccess store) {
        this.store = store;
    }

    /** Rule sets over an open store (the command line's). */
    public static RuleSets of(io.pilotcheck.store.SubmissionStore store) {
        return new RuleSets(new StoreAccess(() -> store));
    }

    /**
     * Publishes the rules of {@code book} as the next set, with what they say kept beside it, so
     * that later sets and re-checks can name what changed; nothing is added when the active set
     * holds these very rules.
     */
    public Published publish(RuleBook book, String by, String note, Instant at) {
        store.keepEdition(book);
        String before = store.get().activeRuleSet().map(r -> r.fingerprint()).orElse("-");
        Published done = store.get().publish(new NewRuleSet(book.fingerprint(), book.rules().size(), at, by, note, book.inputs().files()));
        if (done.added()) {
            new AuditLog(store.get()).add(at, by == null ? AuditLog.CLI : by, null, "rules.published", String.valueOf(done.set().number()),
                    before + " → " + book.fingerprint());
        }
        return done;
    }

    /**
     * A rule set and what changed since the one before it: empty for the first, null when what
     * either said was not kept.
     */
    public record Listed(RuleSet set, List<RuleEdition.Change> changes) {
    }

    /** Every rule set, newest first, each with what changed since the one before. */
    public List<Listed> history() {
        List<RuleSet> sets = store.get().ruleSets();
        List<Listed> out = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            RuleSet set = sets.get(i);
            if (i + 1 == sets.size()) {
                out.add(new Listed(set, List.of()));
                continue;
            }
            Optional<RuleEdition> now = store.edition(set.fingerprint());
            Optional<RuleEdition> before = store.edition(sets.get(i + 1).fingerprint());
            out.add(new Listed(set, now.isPresent() && before.isPresent() ? now.get().since(before.get()) : null));
        }
        return out;
    }

    /** The active rule set, or empty when none was published. */
    public Optional<RuleSet> active() {
        return store.get().activeRuleSet();
    }

    /** A rule set's rule book, loaded as the rules folder its files make. */
    public record Loaded(RuleSet set, RuleBook book) {
    }

    /**
     * A rule set's rule book: its files written once under {@code folders} (a set never changes),
     * then loaded through the cache as any rules folder is.
     *
     * @throws RuleInputException when the published rules do not build here (a set published by
     *                            another version of pilotcheck, say)
     */
    public Loaded load(RuleSet set, Path folders, CompiledRulesCache cache) throws RuleInputException {
        Map<String, byte[]> files = store.get().ruleSetFiles(set.number()).orElseThrow();
        try {
            return new Loaded(set, RuleBookLoader.load(RuleSetFolder.of(folders, set.fingerprint(), files), cache));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
