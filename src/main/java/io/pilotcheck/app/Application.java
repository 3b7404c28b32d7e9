package io.pilotcheck.app;

import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.store.SubmissionStore;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The application layer every front end shares: the command line, the HTTP API and the pages ask
 * these services and render what they answer. Each read takes the caller's scope.
 */
public final class Application {

    private final StoreAccess store;
    private final Checks checks;
    private final Submissions submissions;
    private final Pilots pilots;
    private final Rechecks rechecks;
    private final RuleSets ruleSets;
    private final Periods periods;
    private final Reviews reviews;
    private final Filings filings;
    private final Supplier<RuleBook> rules;

    /**
     * The services over the rules in use now ({@code rules} is asked at the start of each piece
     * of work) and the store ({@code store} may wait for it to open, or give null: none).
     */
    public Application(Supplier<RuleBook> rules, Supplier<SubmissionStore> store) {
        this.store = new StoreAccess(store);
        this.checks = new Checks(rules);
        this.submissions = new Submissions(rules, this.store);
        this.pilots = new Pilots(rules, this.store);
        this.rechecks = new Rechecks(rules, this.store);
        this.ruleSets = new RuleSets(this.store);
        this.periods = new Periods(this.store, () -> rules.get().registry());
        this.reviews = new Reviews(rules, this.store, submissions);
        this.submissions.reviews(reviews);
        this.filings = new Filings(pilots, this.store);
        this.rules = rules;
    }

    /** The pilots' web forms and their drafts. */
    public Filings filings() {
        return filings;
    }

    /** Checking uploads. */
    public Checks checks() {
        return checks;
    }

    /** Kept submissions. */
    public Submissions submissions() {
        return submissions;
    }

    /** The pilots and their histories. */
    public Pilots pilots() {
        return pilots;
    }

    /** Re-checking under the rules in use now. */
    public Rechecks rechecks() {
        return rechecks;
    }

    /** Reporting periods. */
    public Periods periods() {
        return periods;
    }

    /** The review loop: pilots' states in a period, and the steps that move them. */
    public Reviews reviews() {
        return reviews;
    }

    /** An account's notifications. */
    public Inbox inbox() {
        return new Inbox(store.get());
    }

    /** The audit log; asks the store, so it waits for it to open. */
    public AuditLog auditLog() {
        return new AuditLog(store.get());
    }

    /** The accounts of a shared service; asks the store, so it waits for it to open. */
    public Accounts accounts() {
        return new Accounts(store.get(), () -> rules.get().registry());
    }

    /** Logging in and out; asks the store. */
    public Logins logins() {
        return new Logins(store.get());
    }

    /** Tools' tokens; asks the store. */
    public Tokens tokens() {
        return new Tokens(store.get());
    }

    /** The rule sets published into the store. */
    public RuleSets ruleSets() {
        return ruleSets;
    }

    /** The store's connections now; empty while there is no store (none, or still opening). */
    public Optional<io.pilotcheck.store.SubmissionStore.Connections> storeConnections() {
        return store.connections();
    }

    /** Why the store cannot answer now, learnt within {@code wait}; empty when it answers or there is none. */
    public Optional<String> storeProblem(Duration wait) {
        return store.problem(wait);
    }

    /** Whether this service keeps submissions (waiting for its store to open). */
    public boolean keepsSubmissions() {
        return store.present();
    }

    /** Waits for the store to open; throws {@link io.pilotcheck.store.StoreUnavailable} when there is none. */
    public void requireStore() {
        store.get();
    }

    /** Where submissions are kept, password hidden, or {@code none}. */
    public String storeShown() {
        return store.shown();
    }
}
