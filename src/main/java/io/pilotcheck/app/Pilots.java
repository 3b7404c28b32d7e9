package io.pilotcheck.app;

import io.pilotcheck.diff.ReportDiff;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Message;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.store.DossierEntry;
import io.pilotcheck.store.StoredSubmission;
import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.api.Check;
import io.pilotcheck.report.ReportFormat;
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
     * @param change        what changed since the pilot's submission before, or null when there is none before
     * @param error         when the latest dossier could not be checked, the first reason why; else null
     */
    public record Row(PilotCity city, DossierEntry latest, boolean currentRules, List<String> violatedRules,
                      Change change, Message error) {
    }

    /**
     * What changed between two submissions of a pilot, told apart by cause: the city's file, or
     * the rules it was checked under. A re-check under new rules that resolves a finding is the
     * rules' doing, never the city's.
     *
     * @param byCity  what the city changed (the two files under the same rules); when the two
     *                were checked under different rules and this cannot be told apart, the whole change
     * @param byRules what the rules changed (the same file under the earlier rules and the later
     *                ones), or null when both were checked under the same rules
     * @param apart   false when the rules differ and the causes could not be told apart
     * @param rules   what changed in the rules between the two, when they differ and both
     *                editions were kept; else empty
     */
    public record Change(ReportDiff.DossierDiff byCity, ReportDiff.DossierDiff byRules, boolean apart,
                         List<io.pilotcheck.rules.RuleEdition.Change> rules) {

        /** Whether anything changed at all, by either cause. */
        public boolean any() {
            return byCity.changedAtAll() || (byRules != null && byRules.changedAtAll());
        }

        /** Whether the rules changed any finding. */
        public boolean rulesChangedFindings() {
            return byRules != null && (!byRules.added().isEmpty() || !byRules.resolved().isEmpty() || !byRules.changed().isEmpty());
        }
    }

    /**
     * One submission of the pilot, what changed since the one before (null for the first), and
     * its dossier as that submission's latest evaluation found it.
     */
    public record Step(DossierEntry entry, Change change, DossierResult dossier) {
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

    /**
     * The pilots in scope and their latest dossiers, each with what changed since the pilot's
     * submission before it, its messages in {@code lang}.
     */
    public Overview overview(Scope scope, Language lang) {
        RuleBook book = rules.get();
        List<PilotCity> cities = book.registry().cities().stream().filter(scope::covers).toList();
        SubmissionStore s = store.get();
        List<Row> rows = new ArrayList<>();
        List<DossierEntry> latest = new ArrayList<>();
        Map<String, Step> steps = new java.util.HashMap<>();
        for (PilotCity c : cities) {
            // the newest step of the history: the latest dossier, against the one before
            List<Step> newest = steps(s, scope, c.name(), lang, 1, null).steps();
            if (!newest.isEmpty()) {
                steps.put(c.name(), newest.get(0));
                latest.add(newest.get(0).entry());
            }
        }
        Map<DossierEntry, List<String>> violated = s.rules(latest, Severity.VIOLATION);
        for (PilotCity c : cities) {
            Step step = steps.get(c.name());
            if (step == null) {
                rows.add(new Row(c, null, false, List.of(), null, null));
                continue;
            }
            DossierEntry e = step.entry();
            rows.add(new Row(c, e, e.rulesFingerprint().equals(book.fingerprint()), violated.get(e), step.change(),
                    "error".equals(e.verdict()) ? firstError(step.dossier()) : null));
        }
        return new Overview(book.fingerprint(), rows);
    }

    private static Message firstError(DossierResult d) {
        return d.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::message).findFirst().orElse(null);
    }

    /**
     * A pilot's latest dossier as its latest evaluation found it.
     *
     * @param city       the pilot
     * @param entry      where the dossier is kept
     * @param evaluation that evaluation, holding this dossier alone with every finding
     */
    public record Current(PilotCity city, DossierEntry entry, EvaluationRecord evaluation) {

        /** The dossier's result. */
        public DossierResult dossier() {
            return evaluation.batch().dossiers().get(0);
        }
    }

    /** The pilot's latest dossier with its findings; empty when it is not in scope or never submitted. */
    public Optional<Current> current(Scope scope, String name) {
        Optional<PilotCity> city = find(scope, name);
        if (city.isEmpty()) {
            return Optional.empty();
        }
        SubmissionStore s = store.get();
        DossierEntry e = s.latest(scope, List.of(city.get().name())).get(city.get().name());
        return e == null ? Optional.empty() : s.evaluation(scope, e.evaluationId(), e.position())
                .map(v -> new Current(city.get(), e, v));
    }

    /**
     * A report of the pilot's latest dossier alone ({@link #current}), in {@code format} and
     * {@code lang}, as its evaluation was made: what a reviewer forwards to the city.
     */
    public byte[] report(Current current, ReportFormat format, Language lang, Severity threshold) {
        return Check.render(format, current.evaluation().batch(), Submissions.context(rules.get(), current.evaluation(), lang, threshold));
    }

    /**
     * The city's workbook for a pilot in scope (docs/spec/entry.md): the dossier template of
     * {@code init}, current to {@code asOf}, as the workbook a city fills.
     */
    public Optional<byte[]> template(Scope scope, String name, java.time.LocalDate asOf) {
        return find(scope, name).map(city -> {
            String yaml = io.pilotcheck.dossier.DossierTemplate.forPilot(city, asOf, city.nameEn().toLowerCase(java.util.Locale.ROOT) + ".yaml");
            try {
                return io.pilotcheck.entry.DossierWorkbook.fromYaml(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("the dossier template does not read as YAML", e);
            }
        });
    }

    /** A rule's title in {@code lang}, or its id when the rules in use have no such rule. */
    public String ruleTitle(String id, Language lang) {
        return rule(id).map(r -> r.title(lang)).orElse(id);
    }

    /** The rules in use now, each with its title, clause and the notice's words. */
    public List<io.pilotcheck.rules.RuleInfo> rules() {
        return rules.get().rules();
    }

    /** A rule of the rules in use now, by id: its title, clause and the notice's words. */
    public Optional<io.pilotcheck.rules.RuleInfo> rule(String id) {
        return rules.get().rule(id);
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
        History h = steps(store.get(), scope, city.get().name(), lang, count, before);
        return Optional.of(new History(city.get(), h.steps(), h.older()));
    }

    private static History steps(SubmissionStore s, Scope scope, String city, Language lang, int count, String before) {
        List<DossierEntry> entries = s.history(scope, city, count + 1, before);
        boolean more = entries.size() > count;
        List<Step> out = new ArrayList<>();
        DossierEntry previousEntry = null;
        DossierResult previous = null;
        for (DossierEntry e : entries) {
            // only this dossier's rows are read: a submission of a whole province holds dozens
            DossierResult now = dossier(s, scope, e.evaluationId(), e.position());
            if (!more || previous != null) {
                out.add(new Step(e, previous == null ? recheckOfFirst(s, scope, e, now, lang)
                        : change(s, scope, previousEntry, previous, e, now, lang), now));
            }
            previousEntry = e;
            previous = now;
        }
        return new History(null, out, more && !out.isEmpty() ? out.get(0).entry().submissionId() : null);
    }

    /**
     * A pilot's first submission has nothing before it to compare with, but a re-check under
     * other rules may have changed its findings since it came in: that change, the rules' alone;
     * null when it was not re-checked or nothing changed.
     */
    private static Change recheckOfFirst(SubmissionStore s, Scope scope, DossierEntry e, DossierResult now, Language lang) {
        List<StoredSubmission.Evaluation> evaluations = s.submission(scope, e.submissionId()).orElseThrow().evaluations();
        if (evaluations.size() < 2) {
            return null;
        }
        StoredSubmission.Evaluation earlier = evaluations.get(evaluations.size() - 2);
        if (earlier.rulesFingerprint().equals(e.rulesFingerprint())) {
            return null;
        }
        DossierResult before = dossier(s, scope, earlier.id(), e.position());
        ReportDiff.DossierDiff byRules = ReportDiff.compareDossier(before, now, lang);
        return byRules.changedAtAll() ? new Change(ReportDiff.compareDossier(before, before, lang), byRules, true,
                ruleChanges(s, earlier.rulesFingerprint(), e.rulesFingerprint())) : null;
    }

    private static DossierResult dossier(SubmissionStore s, Scope scope, String evaluationId, int position) {
        return s.evaluation(scope, evaluationId, position).orElseThrow().batch().dossiers().get(0);
    }

    /**
     * What changed from one submission to the next, by cause. Under the same rules, all of it is
     * the city's. Under different rules, the later file as the earlier rules found it (its first
     * evaluation, when a re-check has since added one under the later rules) splits the change in
     * two; an unchanged file changed nothing itself; else the causes cannot be told apart.
     */
    private static Change change(SubmissionStore s, Scope scope, DossierEntry before, DossierResult beforeResult,
                                 DossierEntry after, DossierResult afterResult, Language lang) {
        ReportDiff.DossierDiff whole = ReportDiff.compareDossier(beforeResult, afterResult, lang);
        if (before.rulesFingerprint().equals(after.rulesFingerprint())) {
            return new Change(whole, null, true, List.of());
        }
        List<io.pilotcheck.rules.RuleEdition.Change> rules = ruleChanges(s, before.rulesFingerprint(), after.rulesFingerprint());
        StoredSubmission later = s.submission(scope, after.submissionId()).orElseThrow();
        Optional<StoredSubmission.Evaluation> underEarlierRules = later.evaluations().stream()
                .filter(v -> v.rulesFingerprint().equals(before.rulesFingerprint())).reduce((a, b) -> b);
        if (underEarlierRules.isPresent()) {
            DossierResult middle = dossier(s, scope, underEarlierRules.get().id(), after.position());
            return new Change(ReportDiff.compareDossier(beforeResult, middle, lang),
                    ReportDiff.compareDossier(middle, afterResult, lang), true, rules);
        }
        if (sha(s, scope, before).equals(sha(later, after.file()))) {
            return new Change(ReportDiff.compareDossier(beforeResult, beforeResult, lang), whole, true, rules);
        }
        return new Change(whole, null, false, rules);
    }

    /** What changed in the rules from one fingerprint to another, when both editions were kept. */
    private static List<io.pilotcheck.rules.RuleEdition.Change> ruleChanges(SubmissionStore s, String older, String newer) {
        Optional<io.pilotcheck.rules.RuleEdition> from = s.ruleEdition(older).map(io.pilotcheck.rules.RuleEdition::fromJson);
        Optional<io.pilotcheck.rules.RuleEdition> to = s.ruleEdition(newer).map(io.pilotcheck.rules.RuleEdition::fromJson);
        return from.isPresent() && to.isPresent() ? to.get().since(from.get()) : List.of();
    }

    private static String sha(SubmissionStore s, Scope scope, DossierEntry e) {
        return sha(s.submission(scope, e.submissionId()).orElseThrow(), e.file());
    }

    private static String sha(StoredSubmission submission, String file) {
        return submission.files().stream().filter(f -> f.name().equals(file)).map(StoredSubmission.File::sha256)
                .findFirst().orElse("");
    }
}
