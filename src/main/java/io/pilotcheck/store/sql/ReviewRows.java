package io.pilotcheck.store.sql;

import io.pilotcheck.store.AccountStore.AuditEntry;
import io.pilotcheck.store.ReviewStore.Comment;
import io.pilotcheck.store.ReviewStore.Decision;
import io.pilotcheck.store.ReviewStore.Draft;
import io.pilotcheck.store.ReviewStore.Notice;
import io.pilotcheck.store.ReviewStore.Notification;
import io.pilotcheck.store.ReviewStore.Period;
import io.pilotcheck.store.ReviewStore.Step;
import io.pilotcheck.store.StoreIds;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The statements of the review loop (docs/spec/review.md), each within the store's read or write transaction. */
final class ReviewRows {

    private ReviewRows() {
    }

    private static final String PERIOD_COLUMNS = "name, due, as_of, pilots, opened_at, opened_by, closed_at, closed_by";

    static boolean addPeriod(Handle h, Period p, AuditEntry audit) {
        if (!insert(h, p)) {
            return false;
        }
        AccountRows.audit(h, audit);
        return true;
    }

    /** Adds a period unless one of its name is there; whether it was added. */
    private static boolean insert(Handle h, Period p) {
        return h.createUpdate("INSERT INTO period (" + PERIOD_COLUMNS + ") VALUES (:name, :due, :asOf, :pilots, :openedAt, :openedBy, "
                        + ":closedAt, :closedBy) ON CONFLICT DO NOTHING")
                .bind("name", p.name()).bind("due", p.due()).bind("asOf", p.asOf())
                .bind("pilots", p.pilots().isEmpty() ? null : String.join("\n", p.pilots()))
                .bind("openedAt", SqlSubmissionStore.utc(p.openedAt())).bind("openedBy", p.openedBy())
                .bind("closedAt", p.closedAt() == null ? null : SqlSubmissionStore.utc(p.closedAt())).bind("closedBy", p.closedBy())
                .execute() == 1;
    }

    static List<Period> periods(Handle h) {
        return h.createQuery("SELECT " + PERIOD_COLUMNS + " FROM period ORDER BY due DESC, name").map((rs, ctx) -> period(rs)).list();
    }

    static Optional<Period> period(Handle h, String name) {
        return h.createQuery("SELECT " + PERIOD_COLUMNS + " FROM period WHERE name = :name").bind("name", name)
                .map((rs, ctx) -> period(rs)).findOne();
    }

    static boolean closePeriod(Handle h, String name, Instant at, String by, AuditEntry audit) {
        int n = h.createUpdate("UPDATE period SET closed_at = :at, closed_by = :by WHERE name = :name AND closed_at IS NULL")
                .bind("at", SqlSubmissionStore.utc(at)).bind("by", by).bind("name", name).execute();
        if (n > 0) {
            AccountRows.audit(h, audit);
        }
        return n > 0;
    }

    private static Period period(ResultSet rs) throws SQLException {
        String pilots = rs.getString(4);
        return new Period(rs.getString(1), SqliteValues.date(rs, 2), SqliteValues.date(rs, 3),
                pilots == null || pilots.isEmpty() ? List.of() : Arrays.asList(pilots.split("\n")), SqliteValues.instant(rs, 5),
                rs.getString(6), SqliteValues.instant(rs, 7), rs.getString(8));
    }

    /** Keeps a submission's period, steps and notices (in the submission's own write batch). */
    static void inPeriod(Handle h, String submissionId, io.pilotcheck.store.NewSubmission.InPeriod in) {
        h.createUpdate("UPDATE submission SET period = :period WHERE id = :id").bind("period", in.period()).bind("id", submissionId).execute();
        for (Step s : in.steps()) {
            step(h, s, submissionId);
        }
        notices(h, in.notices(), false);
    }

    static void change(Handle h, io.pilotcheck.store.ReviewStore.Change c, boolean postgres) {
        if (c.seen() != null) {
            if (postgres) {
                // one change of a period at a time; SQLite's write transactions are one at a time already
                h.createQuery("SELECT name FROM period WHERE name = :period FOR UPDATE").bind("period", c.seen().period())
                        .mapTo(String.class).findOne();
            }
            String last = h.createQuery("SELECT id FROM review_step WHERE period = :period AND city = :city ORDER BY id DESC LIMIT 1")
                    .bind("period", c.seen().period()).bind("city", c.seen().city()).mapTo(String.class).findOne().orElse(null);
            if (!java.util.Objects.equals(last, c.seen().lastStepId())) {
                throw new io.pilotcheck.store.ReviewStore.Moved(c.seen().city());
            }
        }
        c.steps().forEach(s -> step(h, s, null));
        c.decisions().forEach(d -> insert(h, d, StoreIds.ordered(d.at()), false));
        c.comments().forEach(m -> insert(h, m, StoreIds.ordered(m.at()), false));
        notices(h, c.notices(), false);
        c.audit().forEach(a -> AccountRows.audit(h, a));
    }

    /** Adds a new step; a step without a submission is about {@code submissionId} (the one it is kept with). */
    private static void step(Handle h, Step s, String submissionId) {
        insert(h, new Step(null, s.period(), s.city(), s.submissionId() != null ? s.submissionId() : submissionId, s.step(), s.actor(),
                s.at(), s.note()), StoreIds.ordered(s.at()), false);
    }

    /**
     * The insertions of the review rows, under {@code id}: a new row's (time-ordered), or, with
     * {@code restoring}, the row's own from an export, passed over when it is there already.
     */
    private static void insert(Handle h, Step s, String id, boolean restoring) {
        h.createUpdate("INSERT INTO review_step (id, period, city, submission_id, step, actor, at, note) "
                        + "VALUES (:id, :period, :city, :submission, :step, :actor, :at, :note)" + (restoring ? " ON CONFLICT DO NOTHING" : ""))
                .bind("id", id).bind("period", s.period()).bind("city", s.city()).bind("submission", s.submissionId())
                .bind("step", s.step()).bind("actor", s.actor()).bind("at", SqlSubmissionStore.utc(s.at())).bind("note", s.note()).execute();
    }

    private static void insert(Handle h, Decision d, String id, boolean restoring) {
        h.createUpdate("INSERT INTO decision (id, submission_id, city, rule_id, path, kind, reason, until_day, author, at) "
                        + "VALUES (:id, :submission, :city, :rule, :path, :kind, :reason, :until, :author, :at)"
                        + (restoring ? " ON CONFLICT DO NOTHING" : ""))
                .bind("id", id).bind("submission", d.submissionId()).bind("city", d.city()).bind("rule", d.ruleId())
                .bind("path", d.path()).bind("kind", d.kind()).bind("reason", d.reason()).bind("until", d.until())
                .bind("author", d.author()).bind("at", SqlSubmissionStore.utc(d.at())).execute();
    }

    private static void insert(Handle h, Comment m, String id, boolean restoring) {
        h.createUpdate("INSERT INTO review_comment (" + COMMENT_COLUMNS + ") VALUES (:id, :submission, :city, :rule, :path, :author, :at, :body)"
                        + (restoring ? " ON CONFLICT DO NOTHING" : ""))
                .bind("id", id).bind("submission", m.submissionId()).bind("city", m.city()).bind("rule", m.ruleId())
                .bind("path", m.path()).bind("author", m.author()).bind("at", SqlSubmissionStore.utc(m.at())).bind("body", m.body()).execute();
    }

    private static final String COMMENT_COLUMNS = "id, submission_id, city, rule_id, path, author, at, body";

    private static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                SqliteValues.instant(rs, 7), rs.getString(8));
    }

    /** Adds notices; with {@code once}, one whose key is there already is passed over. How many were added. */
    static int notices(Handle h, List<Notice> notices, boolean once) {
        int added = 0;
        for (Notice n : notices) {
            added += h.createUpdate("INSERT INTO notification (id, account, at, kind, period, city, submission_id, actor, detail, once_key) "
                            + "VALUES (:id, :account, :at, :kind, :period, :city, :submission, :actor, :detail, :once)"
                            + (once ? " ON CONFLICT DO NOTHING" : ""))
                    .bind("id", StoreIds.ordered(n.at())).bind("account", n.account()).bind("at", SqlSubmissionStore.utc(n.at()))
                    .bind("kind", n.kind()).bind("period", n.period()).bind("city", n.city()).bind("submission", n.submissionId())
                    .bind("actor", n.actor()).bind("detail", n.detail()).bind("once", n.onceKey()).execute();
        }
        return added;
    }

    private static final String STEP_COLUMNS = "id, period, city, submission_id, step, actor, at, note";

    private static Step step(ResultSet rs) throws SQLException {
        return new Step(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                SqliteValues.instant(rs, 7), rs.getString(8));
    }

    static List<Step> steps(Handle h, String period, String city) {
        return h.createQuery("SELECT " + STEP_COLUMNS + " FROM review_step WHERE period = :period AND city = :city ORDER BY id")
                .bind("period", period).bind("city", city).map((rs, ctx) -> step(rs)).list();
    }

    static Map<String, Step> lastSteps(Handle h, String period) {
        Map<String, Step> out = new LinkedHashMap<>();
        h.createQuery("SELECT " + STEP_COLUMNS + " FROM review_step WHERE period = :period ORDER BY id").bind("period", period)
                .map((rs, ctx) -> step(rs)).forEach(s -> out.put(s.city(), s));
        return out;
    }

    private static final String DECISION_COLUMNS = "id, submission_id, city, rule_id, path, kind, reason, until_day, author, at";

    private static Decision decision(ResultSet rs) throws SQLException {
        return new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), SqliteValues.date(rs, 8), rs.getString(9), SqliteValues.instant(rs, 10));
    }

    static List<Decision> decisions(Handle h, String submissionId, String city) {
        return h.createQuery("SELECT " + DECISION_COLUMNS + " FROM decision WHERE submission_id = :submission AND city = :city ORDER BY id")
                .bind("submission", submissionId).bind("city", city).map((rs, ctx) -> decision(rs)).list();
    }

    static List<Decision> waivers(Handle h, String city, LocalDate day) {
        if (city == null) {
            return h.createQuery("SELECT " + DECISION_COLUMNS + " FROM decision WHERE kind = 'waived' AND until_day >= :day ORDER BY id")
                    .bind("day", day).map((rs, ctx) -> decision(rs)).list();
        }
        return h.createQuery("SELECT " + DECISION_COLUMNS + " FROM decision WHERE city = :city AND kind = 'waived' AND until_day >= :day ORDER BY id")
                .bind("city", city).bind("day", day).map((rs, ctx) -> decision(rs)).list();
    }

    static List<Comment> comments(Handle h, String submissionId, String city) {
        return h.createQuery("SELECT " + COMMENT_COLUMNS + " FROM review_comment WHERE submission_id = :submission AND city = :city ORDER BY id")
                .bind("submission", submissionId).bind("city", city).map((rs, ctx) -> comment(rs)).list();
    }

    static Optional<String> periodOf(Handle h, String submissionId) {
        return h.createQuery("SELECT period FROM submission WHERE id = :id").bind("id", submissionId).mapTo(String.class).findOne()
                .flatMap(Optional::ofNullable);
    }

    private static final String NOTIFICATION_COLUMNS = "id, account, at, kind, period, city, submission_id, actor, detail, once_key, read_at, mailed_at";

    private static Notification notification(ResultSet rs) throws SQLException {
        return new Notification(rs.getString(1), new Notice(rs.getString(2), SqliteValues.instant(rs, 3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)),
                SqliteValues.instant(rs, 11), SqliteValues.instant(rs, 12));
    }

    static List<Notification> notifications(Handle h, String account, int limit) {
        return h.createQuery("SELECT " + NOTIFICATION_COLUMNS + " FROM notification WHERE account = :account ORDER BY id DESC LIMIT :limit")
                .bind("account", account).bind("limit", limit).map((rs, ctx) -> notification(rs)).list();
    }

    static int unread(Handle h, String account) {
        return h.createQuery("SELECT COUNT(*) FROM notification WHERE account = :account AND read_at IS NULL").bind("account", account)
                .mapTo(Integer.class).one();
    }

    static void markRead(Handle h, String account, Instant at) {
        h.createUpdate("UPDATE notification SET read_at = :at WHERE account = :account AND read_at IS NULL")
                .bind("at", SqlSubmissionStore.utc(at)).bind("account", account).execute();
    }

    static List<Notification> unmailed(Handle h, int limit) {
        return h.createQuery("SELECT " + NOTIFICATION_COLUMNS + " FROM notification WHERE mailed_at IS NULL ORDER BY id LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> notification(rs)).list();
    }

    static io.pilotcheck.store.ReviewStore.Kept kept(Handle h) {
        Map<String, String> periods = new LinkedHashMap<>();
        h.createQuery("SELECT id, period FROM submission WHERE period IS NOT NULL ORDER BY id")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> periods.put(e.getKey(), e.getValue()));
        return new io.pilotcheck.store.ReviewStore.Kept(
                h.createQuery("SELECT " + PERIOD_COLUMNS + " FROM period ORDER BY opened_at, name").map((rs, ctx) -> period(rs)).list(),
                periods,
                h.createQuery("SELECT " + STEP_COLUMNS + " FROM review_step ORDER BY id").map((rs, ctx) -> step(rs)).list(),
                h.createQuery("SELECT " + DECISION_COLUMNS + " FROM decision ORDER BY id").map((rs, ctx) -> decision(rs)).list(),
                h.createQuery("SELECT " + COMMENT_COLUMNS + " FROM review_comment ORDER BY id").map((rs, ctx) -> comment(rs)).list());
    }

    static void restore(Handle h, io.pilotcheck.store.ReviewStore.Kept k) {
        k.periods().forEach(p -> insert(h, p));
        k.submissionPeriods().forEach((id, period) -> h.createUpdate("UPDATE submission SET period = :period WHERE id = :id AND period IS NULL")
                .bind("period", period).bind("id", id).execute());
        k.steps().forEach(s -> insert(h, s, s.id(), true));
        k.decisions().forEach(d -> insert(h, d, d.id(), true));
        k.comments().forEach(m -> insert(h, m, m.id(), true));
    }

    static io.pilotcheck.store.ReviewStore.Contact contact(Handle h, String account) {
        return h.createQuery("SELECT email, lang FROM account_contact WHERE account = :account").bind("account", account)
                .map((rs, ctx) -> new io.pilotcheck.store.ReviewStore.Contact(account, rs.getString(1), rs.getString(2))).findOne()
                .orElse(new io.pilotcheck.store.ReviewStore.Contact(account, null, "zh"));
    }

    static void setContact(Handle h, io.pilotcheck.store.ReviewStore.Contact c, AuditEntry audit) {
        h.createUpdate("DELETE FROM account_contact WHERE account = :account").bind("account", c.account()).execute();
        h.createUpdate("INSERT INTO account_contact (account, email, lang) VALUES (:account, :email, :lang)")
                .bind("account", c.account()).bind("email", c.email()).bind("lang", c.lang()).execute();
        AccountRows.audit(h, audit);
    }

    /**
     * A pilot's draft: in place of the one before, or (an import, {@code restoring}) only where the
     * pilot has none; whether it was written.
     */
    static boolean insert(Handle h, Draft d, boolean restoring) {
        return h.createUpdate("INSERT INTO dossier_draft (city, fields, saved_by, saved_at) VALUES (:city, :fields, :by, :at) "
                        + (restoring ? "ON CONFLICT DO NOTHING" : "ON CONFLICT (city) DO UPDATE SET fields = excluded.fields, "
                        + "saved_by = excluded.saved_by, saved_at = excluded.saved_at"))
                .bind("city", d.city()).bind("fields", d.fields()).bind("by", d.savedBy()).bind("at", SqlSubmissionStore.utc(d.savedAt()))
                .execute() == 1;
    }

    /** The drafts, by city: one pilot's ({@code city}), or every pilot's when null. */
    static List<Draft> drafts(Handle h, String city) {
        return h.createQuery("SELECT city, fields, saved_by, saved_at FROM dossier_draft"
                        + (city == null ? "" : " WHERE city = :city") + " ORDER BY city")
                .bindMap(city == null ? java.util.Map.of() : java.util.Map.of("city", city))
                .map((rs, ctx) -> new Draft(rs.getString(1), rs.getString(2), rs.getString(3),
                        SqliteValues.instant(rs, 4))).list();
    }

    static boolean claimMailing(Handle h, String id, Instant at) {
        return h.createUpdate("UPDATE notification SET mailed_at = :at WHERE id = :id AND mailed_at IS NULL")
                .bind("at", SqlSubmissionStore.utc(at)).bind("id", id).execute() == 1;
    }
}
