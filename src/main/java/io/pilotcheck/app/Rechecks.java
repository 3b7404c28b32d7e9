package io.pilotcheck.app;

import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.diff.ReportDiff;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleEdition;
import io.pilotcheck.store.DossierEntry;
import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.StoredSubmission;
import io.pilotcheck.store.SubmissionStore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import io.pilotcheck.words.Language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Re-checks each pilot's latest submission that was last checked under other rules than those in
 * use now: its files as kept, as of the date its first check used, each result stored as a new
 * evaluation beside the old ones. Before it, {@link #preview} tells what changed in the rules and
 * which pilots' findings the re-check would change, without keeping anything.
 */
public final class Rechecks {

    /**
     * What a re-check did: the rules it used, the submissions it re-checked (in annex order of
     * their pilots), what had changed in the rules (null when the older rules were not kept) and
     * the pilots whose findings it changed.
     */
    public record Rechecked(String rulesFingerprint, List<String> submissions, List<RuleEdition.Change> ruleChanges,
                            List<Effect> effects) {
    }

    /**
     * What re-checking one pilot's latest dossier under the rules in use now changes.
     *
     * @param city   the pilot
     * @param before its latest dossier as the older rules found it
     * @param after  as the rules in use now find it
     * @param change the findings that change, in the reader's language
     */
    public record Effect(PilotCity city, DossierResult before, DossierResult after, ReportDiff.DossierDiff change) {
    }

    /**
     * What a re-check would do, before it is done.
     *
     * @param stale       how many pilots' latest dossiers older rules checked
     * @param ruleChanges what changed in the rules since those older ones, or null when an older
     *                    edition was not kept (a store from before editions were kept)
     * @param effects     the pilots whose findings would change, in annex order
     */
    public record Preview(int stale, List<RuleEdition.Change> ruleChanges, List<Effect> effects) {
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

    /** What re-checking the pilots in scope would change, with nothing kept; messages in {@code lang}. */
    public Preview preview(Scope scope, Language lang) {
        RuleBook book = rules.get();
        SubmissionStore s = store.get();
        Map<String, DossierEntry> stale = stale(s, book, scope);
        Map<String, BatchResult> rechecked = new HashMap<>();
        List<Effect> effects = new ArrayList<>();
        for (DossierEntry e : stale.values()) {
            BatchResult batch = rechecked.computeIfAbsent(e.submissionId(),
                    id -> recheck(s, scope, book, s.submission(scope, id).orElseThrow()));
            effect(s, scope, book, e, batch, lang).ifPresent(effects::add);
        }
        return new Preview(stale.size(), ruleChanges(book, stale), effects);
    }

    /** What changed in the rules since those that checked {@code stale}; null when one of them was not kept. */
    private List<RuleEdition.Change> ruleChanges(RuleBook book, Map<String, DossierEntry> stale) {
        RuleEdition now = RuleEdition.of(book);
        Set<RuleEdition.Change> changes = new LinkedHashSet<>();
        for (String older : stale.values().stream().map(DossierEntry::rulesFingerprint).distinct().toList()) {
            Optional<RuleEdition> edition = store.edition(older);
            if (edition.isEmpty()) {
                return null;
            }
            changes.addAll(now.since(edition.get()));
        }
        return List.copyOf(changes);
    }

    /** Re-checks the latest submissions of the pilots in scope that older rules checked; its effects in {@code lang}. */
    public Rechecked latestUnderOlderRules(Scope scope, Language lang) {
        return latestUnderOlderRules(scope, lang, "system", null);
    }

    /** As {@link #latestUnderOlderRules(Scope, Language)}, the audit log naming {@code actor} and {@code address}. */
    public Rechecked latestUnderOlderRules(Scope scope, Language lang, String actor, String address) {
        RuleBook book = rules.get();
        SubmissionStore s = store.get();
        ONE_AT_A_TIME.lock();
        try {
            store.keepEdition(book);
            Map<String, DossierEntry> stale = stale(s, book, scope);
            Map<String, BatchResult> rechecked = new HashMap<>();
            List<String> done = new ArrayList<>();
            for (DossierEntry e : stale.values()) {
                if (!rechecked.containsKey(e.submissionId())) {
                    StoredSubmission kept = s.submission(scope, e.submissionId()).orElseThrow();
                    BatchResult batch = recheck(s, scope, book, kept);
                    rechecked.put(e.submissionId(), batch);
                    StoredSubmission.Evaluation first = kept.evaluations().get(0);
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    if (s.addEvaluationUnlessCurrent(e.submissionId(), Submissions.evaluation(now, EvaluationRecord.RECHECK,
                            book.fingerprint(), book.rules().size(), first.asOf(), batch)).isEmpty()) {
                        rechecked.put(e.submissionId(), null); // another re-check got there first
                    } else {
                        done.add(e.submissionId());
                    }
                }
            }
            List<Effect> effects = new ArrayList<>();
            for (DossierEntry e : stale.values()) {
                BatchResult batch = rechecked.get(e.submissionId());
                if (batch != null) {
                    effect(s, scope, book, e, batch, lang).ifPresent(effects::add);
                }
            }
            new AuditLog(s).add(Instant.now(), actor, address, "recheck", book.fingerprint(),
                    done.size() + " submissions, " + effects.size() + " pilots changed");
            return new Rechecked(book.fingerprint(), done, ruleChanges(book, stale), effects);
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    /** Each pilot in scope whose latest dossier older rules checked, in annex order. */
    private static Map<String, DossierEntry> stale(SubmissionStore s, RuleBook book, Scope scope) {
        List<String> cities = book.registry().cities().stream().filter(scope::covers).map(PilotCity::name).toList();
        Map<String, DossierEntry> out = new LinkedHashMap<>();
        s.latest(scope, cities).forEach((city, e) -> {
            if (!e.rulesFingerprint().equals(book.fingerprint())) {
                out.put(city, e);
            }
        });
        return out;
    }

    /** A kept submission's files checked again under {@code book}, as of the date its first check used. */
    private static BatchResult recheck(SubmissionStore s, Scope scope, RuleBook book, StoredSubmission kept) {
        List<DossierInput> inputs = new ArrayList<>();
        for (StoredSubmission.File f : kept.files()) {
            inputs.add(DossierInput.bytes(f.name(), s.file(scope, kept.id(), f.name()).orElseThrow()));
        }
        return Check.runToEnd(CheckRequest.of(book, inputs).withAsOf(kept.evaluations().get(0).asOf()).withJobs(1)).batch();
    }

    /** What the re-check changed of the pilot's dossier {@code e}, when it changed anything. */
    private static Optional<Effect> effect(SubmissionStore s, Scope scope, RuleBook book, DossierEntry e, BatchResult batch,
                                           Language lang) {
        DossierResult before = s.evaluation(scope, e.evaluationId(), e.position()).orElseThrow().batch().dossiers().get(0);
        Optional<DossierResult> after = batch.dossiers().stream().filter(d -> d.file().equals(e.file())).reduce((a, b) -> b);
        if (after.isEmpty()) {
            return Optional.empty();
        }
        ReportDiff.DossierDiff change = ReportDiff.compareDossier(before, after.get(), lang);
        return change.changedAtAll() ? Optional.of(new Effect(book.registry().find(e.city()).orElseThrow(), before, after.get(), change))
                : Optional.empty();
    }
}
