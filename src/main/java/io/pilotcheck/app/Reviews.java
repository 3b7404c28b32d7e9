package io.pilotcheck.app;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.store.AccountStore;
import io.pilotcheck.store.AccountStore.AuditEntry;
import io.pilotcheck.store.NewSubmission;
import io.pilotcheck.store.ReviewStore;
import io.pilotcheck.store.ReviewStore.Comment;
import io.pilotcheck.store.ReviewStore.Decision;
import io.pilotcheck.store.ReviewStore.Notice;
import io.pilotcheck.store.ReviewStore.Period;
import io.pilotcheck.store.ReviewStore.Step;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The review loop of docs/spec/review.md: where each pilot stands in a period, and the steps that
 * move it — a submission, a reviewer opening it, deciding on its findings, returning or
 * accepting it, a submitter withdrawing it, an admin reopening it — each with its audit row and
 * the notifications it sends, kept in one transaction. What is outside the caller's scope does not
 * exist ({@link NotInScope}); a step the state does not allow is refused ({@link Accounts.Refused}).
 */
public final class Reviews {

    /** A pilot's state in a period. */
    public enum State {
        /** The period is open and nothing was submitted. */
        due,
        /** The due date passed and nothing was submitted. */
        overdue,
        /** Submitted, waiting for a reviewer. */
        submitted,
        /** A reviewer opened it. */
        in_review,
        /** Returned with findings to fix. */
        returned,
        /** Accepted. */
        accepted
    }

    /** What does not exist for the caller: 404 to the front ends. */
    public static final class NotInScope extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotInScope() {
            super(null, null, false, false);
        }
    }

    /**
     * A pilot in a period.
     *
     * @param daysOverdue  days past the due date with nothing submitted (0 otherwise)
     * @param submissionId its current submission, or null
     * @param last         its last step, or null
     */
    public record PilotState(PilotCity city, State state, long daysOverdue, String submissionId, Step last) {
    }

    /**
     * A finding of a pilot's dossier under review, with what was decided on it.
     *
     * @param decided   the decision in force: the last one made on it, else the default ({@code must_fix}
     *                  for a violation or an error, none for the rest); {@code waived} for a finding a waiver covers
     * @param explicit  the last decision made on it, or null
     */
    public record Decided(Finding finding, String decided, Decision explicit) {
        /** The key that matches a finding across submissions: its rule and dossier path. */
        public String key() {
            return key(finding.ruleId(), finding.path());
        }

        static String key(String rule, String path) {
            return rule + "\u0000" + (path == null ? "" : path);
        }
    }

    /**
     * An earlier {@code must_fix} and whether the current submission still has that finding.
     *
     * @param resolved whether the finding is gone (or waived) in the current submission
     */
    public record Earlier(Decision decision, boolean resolved) {
    }

    /**
     * A pilot's dossier under review in a submission.
     *
     * @param dossier  the dossier's latest evaluation, or null when the submission holds none of that pilot
     * @param findings its findings, each with its decision
     * @param earlier  the {@code must_fix} decisions on the pilot's previous submission in the period, resolved or not
     */
    public record Review(PilotState state, String submissionId, DossierResult dossier, List<Decided> findings, List<Comment> comments,
                         List<Earlier> earlier, Since since) {

        /** How many findings are {@code must_fix} now. */
        public long openMustFix() {
            return findings.stream().filter(d -> "must_fix".equals(d.decided())).count();
        }
    }

    /**
     * What changed since the pilot's previous submission in the period, finding by finding (rule and path).
     *
     * @param added    findings the previous dossier did not have
     * @param resolved findings of the previous dossier the current one does not have
     * @param byRules  whether the two were last checked under different rules, so that some of the
     *                 change may be the rules' doing (规则变更), not the city's
     */
    public record Since(int added, int resolved, boolean byRules) {
    }

    /** The kinds of decision. */
    public static final List<String> KINDS = List.of("must_fix", "waived", "noted");

    private final Supplier<RuleBook> rules;
    private final StoreAccess store;
    private final Submissions submissions;

    Reviews(Supplier<RuleBook> rules, StoreAccess store, Submissions submissions) {
        this.rules = rules;
        this.store = store;
        this.submissions = submissions;
    }

    /** Each pilot in scope that the period expects, in annex order, with its state on {@code today}. */
    public List<PilotState> states(Scope scope, Period period, LocalDate today) {
        Map<String, Step> last = store.get().lastSteps(period.name());
        List<PilotState> out = new ArrayList<>();
        for (PilotCity city : rules.get().registry().cities()) {
            if (scope.covers(city) && period.expects(city.name())) {
                out.add(state(city, period, last.get(city.name()), today));
            }
        }
        return out;
    }

    /** One pilot's state; {@link NotInScope} when the caller may not see it or the period does not expect it. */
    public PilotState state(Scope scope, Period period, String cityName, LocalDate today) {
        PilotCity city = pilot(scope, cityName);
        if (!period.expects(city.name())) {
            throw new NotInScope();
        }
        List<Step> steps = store.get().steps(period.name(), city.name());
        return state(city, period, steps.isEmpty() ? null : steps.get(steps.size() - 1), today);
    }

    private static PilotState state(PilotCity city, Period period, Step last, LocalDate today) {
        if (last == null || last.step().equals("withdrawn")) {
            long late = ChronoUnit.DAYS.between(period.due(), today);
            return new PilotState(city, late > 0 ? State.overdue : State.due, Math.max(0, late), null, last);
        }
        State s = switch (last.step()) {
            case "submitted" -> State.submitted;
            case "in_review", "reopened" -> State.in_review;
            case "returned" -> State.returned;
            case "accepted" -> State.accepted;
            default -> throw new IllegalStateException(last.step());
        };
        return new PilotState(city, s, 0, last.submissionId(), last);
    }

    private PilotCity pilot(Scope scope, String cityName) {
        PilotCity city = rules.get().registry().find(cityName == null ? "" : cityName).orElseThrow(NotInScope::new);
        if (!scope.covers(city)) {
            throw new NotInScope();
        }
        return city;
    }

    private Period period(String name) {
        return store.get().period(name == null ? "" : name).orElseThrow(NotInScope::new);
    }

    /**
     * What a submission sent for {@code period} adds: a {@code submitted} step for each pilot of
     * the batch the period expects, and a notice to the reviewers who see it.
     *
     * @throws Accounts.Refused {@code periodClosed}, or {@code accepted} for a pilot already accepted in it
     */
    NewSubmission.InPeriod inPeriod(Period period, BatchResult batch, String actor, Instant at) {
        if (!period.open()) {
            throw new Accounts.Refused("periodClosed", "period", period.name());
        }
        Map<String, Step> last = store.get().lastSteps(period.name());
        List<Step> steps = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        List<AccountStore.Account> accounts = store.get().accounts();
        for (DossierResult d : batch.dossiers()) {
            Optional<PilotCity> city = d.city() == null ? Optional.empty() : rules.get().registry().find(d.city());
            if (city.isEmpty() || !period.expects(city.get().name()) || steps.stream().anyMatch(s -> s.city().equals(city.get().name()))) {
                continue;
            }
            Step before = last.get(city.get().name());
            if (before != null && before.step().equals("accepted")) {
                throw new Accounts.Refused("accepted", "city", city.get().name(), "period", period.name());
            }
            steps.add(new Step(null, period.name(), city.get().name(), null, "submitted", actor, at, null));
            for (AccountStore.Account a : reviewers(accounts, city.get())) {
                notices.add(new Notice(a.name(), at, "submitted", period.name(), city.get().name(), null, actor, null, null));
            }
        }
        return new NewSubmission.InPeriod(period.name(), steps, notices);
    }

    /**
     * Adds the reminders due on {@code today} to the submitters of each pilot with nothing
     * submitted in an open period: from 7 days before the due date, from the day before it, and
     * once it has passed — each once per period, pilot and account, however many instances ask
     * (so a service that was down on the day still sends it when it is back). How many were added.
     */
    public int remind(LocalDate today, Instant at) {
        List<Notice> notices = new ArrayList<>();
        List<AccountStore.Account> accounts = null;
        for (Period p : store.get().periods()) {
            if (!p.open() || today.isBefore(p.due().minusDays(7))) {
                continue;
            }
            String kind = today.isBefore(p.due().minusDays(1)) ? "reminder.before7"
                    : !today.isAfter(p.due()) ? "reminder.before1" : "reminder.overdue";
            Map<String, Step> last = store.get().lastSteps(p.name());
            for (PilotCity city : rules.get().registry().cities()) {
                if (!p.expects(city.name())) {
                    continue;
                }
                State state = state(city, p, last.get(city.name()), today).state();
                if (state != State.due && state != State.overdue) {
                    continue;
                }
                if (accounts == null) {
                    accounts = store.get().accounts();
                }
                for (AccountStore.Account a : submitters(accounts, city)) {
                    notices.add(new Notice(a.name(), at, kind, p.name(), city.name(), null, "system", p.due().toString(),
                            kind + "|" + p.name() + "|" + city.name() + "|" + a.name()));
                }
            }
        }
        return notices.isEmpty() ? 0 : store.get().addNotices(notices);
    }

    /** The active reviewers who see {@code city}. */
    private static List<AccountStore.Account> reviewers(List<AccountStore.Account> accounts, PilotCity city) {
        return accounts.stream().filter(AccountStore.Account::active)
                .filter(a -> a.role().equals(Accounts.AccountRole.reviewer.name()) && Accounts.scope(a).covers(city)).toList();
    }

    /** The active submitters of {@code city}. */
    private static List<AccountStore.Account> submitters(List<AccountStore.Account> accounts, PilotCity city) {
        return accounts.stream().filter(AccountStore.Account::active)
                .filter(a -> a.role().equals(Accounts.AccountRole.submitter.name()) && city.name().equals(a.city())).toList();
    }

    /**
     * The waivers reviewers granted that still hold on {@code day}, as the check applies them: a
     * waiver given on a page and one in a {@code --waivers} file are the same thing.
     */
    public List<io.pilotcheck.finding.Waiver> waivers(LocalDate day) {
        return store.get().waivers(null, day).stream().map(d -> new io.pilotcheck.finding.Waiver(d.city(), d.ruleId(), null,
                d.reason(), d.author(), d.until(), io.pilotcheck.source.SourceLocation.startOf("review:" + d.id()))).toList();
    }

    /** A pilot's dossier in a submission under review, its findings with their decisions, its comments. */
    public Review review(Scope scope, String periodName, String cityName, LocalDate today) {
        Period period = period(periodName);
        PilotState state = state(scope, period, cityName, today);
        if (state.submissionId() == null) {
            return new Review(state, null, null, List.of(), List.of(), List.of(), null);
        }
        return review(scope, period, state, state.submissionId());
    }

    /** Each pilot in scope that the period expects, with the review of its current dossier: what a period's dashboard shows. */
    public List<Review> reviews(Scope scope, Period period, LocalDate today) {
        List<Review> out = new ArrayList<>();
        for (PilotState s : states(scope, period, today)) {
            out.add(s.submissionId() == null ? new Review(s, null, null, List.of(), List.of(), List.of(), null)
                    : review(scope, period, s, s.submissionId()));
        }
        return out;
    }

    private Review review(Scope scope, Period period, PilotState state, String submissionId) {
        String city = state.city().name();
        Checked current = checked(scope, submissionId, city);
        DossierResult dossier = current.dossier();
        List<Decided> findings = decided(dossier, store.get().decisions(submissionId, city));
        // the pilot's previous submission in the period: its must_fix decisions, resolved or not
        List<Earlier> earlier = new ArrayList<>();
        Since since = null;
        String previous = null;
        for (Step s : store.get().steps(period.name(), city)) {
            if (s.step().equals("submitted") && !s.submissionId().equals(submissionId)) {
                previous = s.submissionId();
            } else if (s.submissionId() != null && s.submissionId().equals(submissionId)) {
                break;
            }
        }
        if (previous != null) {
            Map<String, Decided> now = new LinkedHashMap<>();
            findings.forEach(f -> now.put(f.key(), f));
            Checked before = checked(scope, previous, city);
            java.util.Set<String> was = new java.util.HashSet<>();
            for (Decided d : decided(before.dossier(), store.get().decisions(previous, city))) {
                was.add(d.key());
                if ("must_fix".equals(d.decided()) && d.explicit() != null) {
                    Decided still = now.get(d.key());
                    earlier.add(new Earlier(d.explicit(), still == null || "waived".equals(still.decided())));
                }
            }
            int added = (int) now.keySet().stream().filter(k -> !was.contains(k)).count();
            int resolved = (int) was.stream().filter(k -> !now.containsKey(k)).count();
            boolean byRules = !before.fingerprint().equals(current.fingerprint());
            since = new Since(added, resolved, byRules);
        }
        return new Review(state, submissionId, dossier, findings, store.get().comments(submissionId, city), earlier, since);
    }

    /** A pilot's dossier in a submission as its latest evaluation found it (the last, if it sent several), and the rules of that evaluation. */
    private record Checked(DossierResult dossier, String fingerprint) {
    }

    /** The submission read once: its latest evaluation's dossier of {@code city}, and its rules. */
    private Checked checked(Scope scope, String submissionId, String city) {
        return submissions.find(scope, submissionId).map(kept -> new Checked(submissions.dossiers(scope, kept).stream()
                .filter(d -> city.equals(d.city())).reduce((a, b) -> b).orElse(null), kept.latest().rulesFingerprint()))
                .orElse(new Checked(null, ""));
    }

    private static List<Decided> decided(DossierResult dossier, List<Decision> decisions) {
        if (dossier == null) {
            return List.of();
        }
        Map<String, Decision> last = new LinkedHashMap<>();
        decisions.forEach(d -> last.put(Decided.key(d.ruleId(), d.path()), d));
        List<Decided> out = new ArrayList<>();
        for (Finding f : dossier.findings()) {
            Decision explicit = last.get(Decided.key(f.ruleId(), f.path()));
            String decided = f.waived() ? "waived" : explicit != null ? explicit.kind()
                    : f.severity() == Severity.VIOLATION || f.severity() == Severity.ERROR ? "must_fix" : null;
            out.add(new Decided(f, decided, explicit));
        }
        return out;
    }

    /** A reviewer opens a submitted dossier for review. */
    public void open(Caller caller, String periodName, String cityName, String address, Instant at) {
        Period period = period(periodName);
        PilotState state = mayReview(caller, period, cityName, at);
        expect(state, State.submitted);
        step(period, state, "in_review", caller, null, at, address, List.of(), List.of(), List.of());
    }

    /**
     * A reviewer decides on a finding of the dossier under review.
     *
     * @throws Accounts.Refused {@code badKind}, {@code noSuchFinding}, {@code waiverNeeds} (a waiver's reason and a last day not past)
     */
    public void decide(Caller caller, String periodName, String cityName, String ruleId, String path, String kind, String reason,
                       LocalDate until, String address, Instant at) {
        Period period = period(periodName);
        PilotState state = mayReview(caller, period, cityName, at);
        expect(state, State.in_review);
        if (!KINDS.contains(String.valueOf(kind))) {
            throw new Accounts.Refused("badKind", "kind", String.valueOf(kind));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (kind.equals("waived") && (why == null || until == null || until.isBefore(io.pilotcheck.words.Clock.day(at)))) {
            throw new Accounts.Refused("waiverNeeds");
        }
        Review review = review(caller.scope(), period, state, state.submissionId());
        boolean exists = review.findings().stream().anyMatch(d -> d.finding().ruleId().equals(ruleId)
                && String.valueOf(d.finding().path()).equals(String.valueOf(path)));
        if (!exists) {
            throw new Accounts.Refused("noSuchFinding", "rule", String.valueOf(ruleId));
        }
        String city = state.city().name();
        Decision d = new Decision(null, state.submissionId(), city, ruleId, path == null ? "" : path, kind, why,
                kind.equals("waived") ? until : null, caller.name(), at);
        List<Notice> notices = new ArrayList<>();
        if (kind.equals("waived")) {
            for (AccountStore.Account a : submitters(store.get().accounts(), state.city())) {
                notices.add(new Notice(a.name(), at, "waived", period.name(), city, state.submissionId(), caller.name(),
                        ruleId + (until == null ? "" : " " + until), null));
            }
        }
        keep(new ReviewStore.Change(List.of(), List.of(d), List.of(), notices, List.of(new AuditEntry(at, caller.name(),
                address, "decision." + kind, state.submissionId(), city + " " + ruleId + " " + (path == null ? "" : path)
                + (why == null ? "" : ": " + shortened(why)))), seen(period, state)));
    }

    /** A reviewer returns the dossier with a comment: at least one finding must be {@code must_fix}. */
    public void returnIt(Caller caller, String periodName, String cityName, String comment, String address, Instant at) {
        Period period = period(periodName);
        PilotState state = mayReview(caller, period, cityName, at);
        expect(state, State.in_review);
        if (comment == null || comment.isBlank()) {
            throw new Accounts.Refused("returnNeedsComment");
        }
        if (review(caller.scope(), period, state, state.submissionId()).openMustFix() == 0) {
            throw new Accounts.Refused("returnNeedsMustFix");
        }
        Comment c = new Comment(null, state.submissionId(), state.city().name(), null, null, caller.name(), at, comment.strip());
        step(period, state, "returned", caller, shortened(comment.strip()), at, address, List.of(c),
                submitters(store.get().accounts(), state.city()), List.of());
    }

    /** A reviewer accepts the dossier: no finding may be {@code must_fix}. */
    public void accept(Caller caller, String periodName, String cityName, String address, Instant at) {
        Period period = period(periodName);
        PilotState state = mayReview(caller, period, cityName, at);
        expect(state, State.in_review);
        long open = review(caller.scope(), period, state, state.submissionId()).openMustFix();
        if (open > 0) {
            throw new Accounts.Refused("acceptHasMustFix", "count", open);
        }
        step(period, state, "accepted", caller, null, at, address, List.of(), submitters(store.get().accounts(), state.city()), List.of());
    }

    /** A submitter (or an admin) withdraws a submission not yet in review. */
    public void withdraw(Caller caller, String periodName, String cityName, String address, Instant at) {
        Period period = period(periodName);
        PilotState state = state(caller.scope(), period, cityName, io.pilotcheck.words.Clock.day(at));
        mayUse(caller, Role.SUBMIT);
        expect(state, State.submitted);
        step(period, state, "withdrawn", caller, null, at, address, List.of(), List.of(), List.of());
    }

    /** An admin reopens an accepted dossier: it is in review again, and the city may send again. */
    public void reopen(Caller caller, String periodName, String cityName, String reason, String address, Instant at) {
        Period period = period(periodName);
        PilotState state = state(caller.scope(), period, cityName, io.pilotcheck.words.Clock.day(at));
        mayUse(caller, Role.ADMIN);
        expect(state, State.accepted);
        step(period, state, "reopened", caller, reason == null || reason.isBlank() ? null : shortened(reason.strip()), at, address,
                List.of(), List.of(), List.of());
    }

    /**
     * A comment on the pilot's current dossier, or on one of its findings, by its submitters or
     * the reviewers who see it; it tells the other side.
     */
    public void comment(Caller caller, String periodName, String cityName, String ruleId, String path, String body, String address,
                        Instant at) {
        Period period = period(periodName);
        PilotState state = state(caller.scope(), period, cityName, io.pilotcheck.words.Clock.day(at));
        if (!caller.may(Role.REVIEW) && !caller.may(Role.SUBMIT)) {
            throw new Accounts.Refused("forbidden");
        }
        if (body == null || body.isBlank() || body.length() > 8000) {
            throw new Accounts.Refused("badComment");
        }
        if (state.submissionId() == null) {
            throw new Accounts.Refused("nothingSubmitted", "city", state.city().name());
        }
        String rule = ruleId == null || ruleId.isBlank() ? null : ruleId;
        Comment c = new Comment(null, state.submissionId(), state.city().name(), rule, rule == null ? null : (path == null ? "" : path),
                caller.name(), at, body.strip());
        List<AccountStore.Account> accounts = store.get().accounts();
        boolean fromCity = !caller.may(Role.REVIEW);
        List<Notice> notices = new ArrayList<>();
        for (AccountStore.Account a : fromCity ? reviewers(accounts, state.city()) : submitters(accounts, state.city())) {
            notices.add(new Notice(a.name(), at, "comment", period.name(), state.city().name(), state.submissionId(), caller.name(),
                    shortened(body.strip()), null));
        }
        store.get().review(new ReviewStore.Change(List.of(), List.of(), List.of(c), notices, List.of(new AuditEntry(at, caller.name(),
                address, "comment", state.submissionId(), state.city().name() + (rule == null ? "" : " " + rule) + ": " + shortened(body.strip())))));
    }

    private PilotState mayReview(Caller caller, Period period, String cityName, Instant at) {
        PilotState state = state(caller.scope(), period, cityName, io.pilotcheck.words.Clock.day(at));
        mayUse(caller, Role.REVIEW);
        return state;
    }

    private static void mayUse(Caller caller, Role role) {
        if (!caller.may(role)) {
            throw new Accounts.Refused("forbidden");
        }
    }

    private static void expect(PilotState state, State... allowed) {
        for (State s : allowed) {
            if (state.state() == s) {
                return;
            }
        }
        throw new Accounts.Refused("badState", "city", state.city().name(), "state", state.state().name());
    }

    private void step(Period period, PilotState state, String step, Caller caller, String note, Instant at, String address,
                      List<Comment> comments, List<AccountStore.Account> tell, List<Decision> decisions) {
        String city = state.city().name();
        List<Notice> notices = new ArrayList<>();
        for (AccountStore.Account a : tell) {
            notices.add(new Notice(a.name(), at, step, period.name(), city, state.submissionId(), caller.name(), note, null));
        }
        keep(new ReviewStore.Change(
                List.of(new Step(null, period.name(), city, state.submissionId(), step, caller.name(), at, note)), decisions, comments,
                notices, List.of(new AuditEntry(at, caller.name(), address, "submission." + step, state.submissionId(),
                        period.name() + " " + city + (note == null ? "" : ": " + note))), seen(period, state)));
    }

    /** What a step was decided on: the pilot's last step as it was read. */
    private static ReviewStore.Seen seen(Period period, PilotState state) {
        return new ReviewStore.Seen(period.name(), state.city().name(), state.last() == null ? null : state.last().id());
    }

    /** Keeps a change, or refuses it when another step of the pilot came first since its state was read. */
    private void keep(ReviewStore.Change change) {
        try {
            store.get().review(change);
        } catch (ReviewStore.Moved e) {
            throw new Accounts.Refused("moved", "city", e.getMessage());
        }
    }

    private static String shortened(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
