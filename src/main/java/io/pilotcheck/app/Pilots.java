package io.pilotcheck.app;

import io.pilotcheck.diff.ReportDiff;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.store.DossierEntry;
import io.pilotcheck.store.SubmissionStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The pilots: each with its latest kept dossier (the dashboard and {@code /api/v1/pilots}), and
 * one pilot's dossiers over time, each against the one before, its findings matched as
 * {@code pilotcheck diff} matches them whatever each file was called (the pilot's page, the
 * history API and {@code pilotcheck history}).
 */
public final class Pilots {

    /** Every pilot in scope, in annex order, under the rules in use now. */
    public record Overview(String rulesFingerprint, List<Row> pilots) {
    }

    /**
     * One pilot and its latest dossier.
     *
     * @param city          the pilot as the annex names it
     * @param latest        its latest kept dossier, or null when it never submitted one
     * @param currentRules  whether that dossier was last checked under the rules in use now
     * @param violatedRules the rules its violations no waiver accepts are of, in report order
     */
    public record Row(PilotCity city, DossierEntry latest, boolean currentRules, List<String> violatedRules) {
    }

    /** One submission of the pilot, and what changed since the one before (null for the first). */
    public record Step(DossierEntry entry, ReportDiff.DossierDiff change) {
    }

    /**
     * The newest steps of a pilot's history, oldest first.
     *
     * @param city  the pilot
     * @param steps the steps
     * @param older the cursor for the steps before these (the oldest one's submission id), or
     *              null when these reach back to the pilot's first submission
     */
    public record History(PilotCity city, List<Step> steps, String older) {
    }

    private final Supplier<RuleBook> rules;
    private final StoreAccess store;

    Pilots(Supplier<RuleBook> rules, StoreAccess store) {
        this.rules = rules;
        this.store = store;
    }

    /** The pilots in scope and their latest dossiers. */
    public Overview overview(Scope scope) {
        RuleBook book = rules.get();
        List<PilotCity> cities = book.registry().cities().stream().filter(scope::covers).toList();
        SubmissionStore s = store.get();
        Map<String, DossierEntry> latest = s.latest(scope, cities.stream().map(PilotCity::name).toList());
        Map<DossierEntry, List<String>> violated = s.rules(latest.values(), Severity.VIOLATION);
        List<Row> rows = new ArrayList<>();
        for (PilotCity c : cities) {
            DossierEntry e = latest.get(c.name());
            rows.add(e == null ? new Row(c, null, false, List.of())
                    : new Row(c, e, e.rulesFingerprint().equals(book.fingerprint()), violated.get(e)));
        }
        return new Overview(book.fingerprint(), rows);
    }

    /** The pilot a name (Chinese, English or short) names, when it lies in scope. */
    public Optional<PilotCity> find(Scope scope, String name) {
        return rules.get().registry().find(name).filter(scope::covers);
    }

    /**
     * The pilot's newest {@code count} steps older than the submission {@code before} (all when
     * null), oldest first, their changes in {@code lang}; empty when the pilot is not in scope.
     */
    public Optional<History> history(Scope scope, String name, Language lang, int count, String before) {
        Optional<PilotCity> city = find(scope, name);
        if (city.isEmpty()) {
            return Optional.empty();
        }
        SubmissionStore s = store.get();
        List<DossierEntry> entries = s.history(scope, city.get().name(), count + 1, before);
        boolean more = entries.size() > count;
        List<Step> out = new ArrayList<>();
        DossierResult previous = null;
        for (DossierEntry e : entries) {
            // only this dossier's rows are read: a submission of a whole province holds dozens
            DossierResult now = s.evaluation(scope, e.evaluationId(), e.position()).orElseThrow().batch().dossiers().get(0);
            if (!more || previous != null) {
                out.add(new Step(e, previous == null ? null : ReportDiff.compareDossier(previous, now, lang)));
            }
            previous = now;
        }
        return Optional.of(new History(city.get(), out, more && !out.isEmpty() ? out.get(0).entry().submissionId() : null));
    }
}
