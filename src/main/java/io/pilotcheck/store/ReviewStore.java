package io.pilotcheck.store;

import io.pilotcheck.store.AccountStore.AuditEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review loop's rows (docs/spec/review.md): reporting periods, each pilot's steps through a
 * period, reviewers' decisions on findings, comments, and notifications. Rows are only added
 * (a period's closing and a notification's reading and mailing are noted on their rows): a
 * pilot's state is its last step, a finding's decision the last one made on it. What a step may
 * follow, and who may take it, are the application layer's.
 */
public interface ReviewStore {

    /**
     * A reporting period.
     *
     * @param asOf   the date its dossiers are checked at
     * @param pilots the pilots expected to submit (annex names); empty for all of them
     */
    record Period(String name, LocalDate due, LocalDate asOf, List<String> pilots, Instant openedAt, String openedBy,
                  Instant closedAt, String closedBy) {
        /** Copies the pilots. */
        public Period {
            pilots = List.copyOf(pilots);
        }

        /** Whether it is still open. */
        public boolean open() {
            return closedAt == null;
        }

        /** Whether {@code city} is expected to submit in it. */
        public boolean expects(String city) {
            return pilots.isEmpty() || pilots.contains(city);
        }
    }

    /**
     * A pilot's step through a period.
     *
     * @param id           its id, time-ordered (null for one not yet kept)
     * @param submissionId the submission it is about (null: the submission it is kept with)
     * @param step         {@code submitted}, {@code in_review}, {@code returned}, {@code accepted}, {@code withdrawn} or {@code reopened}
     * @param note         a return's comment, a reopening's reason, or null
     */
    record Step(String id, String period, String city, String submissionId, String step, String actor, Instant at, String note) {
    }

    /**
     * A reviewer's decision on a finding of a pilot's dossier in a submission.
     *
     * @param kind  {@code must_fix}, {@code waived} or {@code noted}
     * @param until a waiver's last day, else null
     */
    record Decision(String id, String submissionId, String city, String ruleId, String path, String kind, String reason,
                    LocalDate until, String author, Instant at) {
    }

    /** A comment on a pilot's dossier in a submission, or on one of its findings ({@code ruleId} and {@code path} set). */
    record Comment(String id, String submissionId, String city, String ruleId, String path, String author, Instant at, String body) {
    }

    /**
     * A notification for an account.
     *
     * @param kind    what happened ({@code submitted}, {@code returned}, {@code accepted}, {@code comment}, {@code waived},
     *                {@code reminder.before7}, {@code reminder.before1}, {@code reminder.overdue}, …)
     * @param onceKey what makes it one of a kind (a reminder), so that it is added once however often it is computed; or null
     */
    record Notice(String account, Instant at, String kind, String period, String city, String submissionId, String actor,
                  String detail, String onceKey) {
    }

    /** A notification as kept: when it was read and mailed, if it was. */
    record Notification(String id, Notice notice, Instant readAt, Instant mailedAt) {
    }

    /** What one action of the review loop adds, kept in one transaction. */
    record Change(List<Step> steps, List<Decision> decisions, List<Comment> comments, List<Notice> notices, List<AuditEntry> audit,
                  Seen seen) {
        /** Copies the lists. */
        public Change {
            steps = List.copyOf(steps);
            decisions = List.copyOf(decisions);
            comments = List.copyOf(comments);
            notices = List.copyOf(notices);
            audit = List.copyOf(audit);
        }

        /** A change that holds whatever happened meanwhile. */
        public Change(List<Step> steps, List<Decision> decisions, List<Comment> comments, List<Notice> notices, List<AuditEntry> audit) {
            this(steps, decisions, comments, notices, audit, null);
        }
    }

    /**
     * What an action was decided on: the pilot's last step in the period when it was read (its id,
     * or null for none). The change is kept only if that is still the last step.
     */
    record Seen(String period, String city, String lastStepId) {
    }

    /** A change refused because the pilot moved on since it was read (another reviewer's step came first). */
    final class Moved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A refusal naming the pilot. */
        public Moved(String city) {
            super(city, null, false, false);
        }
    }

    /**
     * Where an account's notifications are mailed.
     *
     * @param email its address, or null (the inbox page only)
     * @param lang  {@code zh} or {@code en}
     */
    record Contact(String account, String email, String lang) {
    }

    /** An account's contact; its defaults (no address, Chinese) when none was set. */
    Contact contact(String account);

    /** Sets an account's contact, with its audit row. */
    void setContact(Contact contact, AuditEntry audit);

    /** Adds a period, with its audit row; false when the name is taken. */
    boolean addPeriod(Period period, AuditEntry audit);

    /** Every period, newest first. */
    List<Period> periods();

    /** A period by name. */
    Optional<Period> period(String name);

    /** Closes a period, with its audit row; false when there is no such open period. */
    boolean closePeriod(String name, Instant at, String by, AuditEntry audit);

    /** Keeps what one action adds; {@link Moved} when the pilot's last step is no longer the one it saw. */
    void review(Change change);

    /** A pilot's steps in a period, oldest first. */
    List<Step> steps(String period, String city);

    /** The last step of each pilot that has one in a period, by city. */
    Map<String, Step> lastSteps(String period);

    /** The decisions on a pilot's dossier in a submission, oldest first. */
    List<Decision> decisions(String submissionId, String city);

    /** The waivers granted for {@code city} (every city when null) whose last day is {@code day} or later, oldest first. */
    List<Decision> waivers(String city, LocalDate day);

    /** The comments on a pilot's dossier in a submission, oldest first. */
    List<Comment> comments(String submissionId, String city);

    /** The period a submission was sent for, if any. */
    Optional<String> periodOf(String submissionId);

    /** Everything the review loop keeps but notifications and contacts, as an export carries it. */
    record Kept(List<Period> periods, Map<String, String> submissionPeriods, List<Step> steps, List<Decision> decisions,
                List<Comment> comments) {
        /** Copies the lists. */
        public Kept {
            periods = List.copyOf(periods);
            submissionPeriods = Map.copyOf(submissionPeriods);
            steps = List.copyOf(steps);
            decisions = List.copyOf(decisions);
            comments = List.copyOf(comments);
        }
    }

    /** Everything the review loop keeps (for an export), each list in the order it was added. */
    Kept reviewKept();

    /**
     * Adds another store's review rows (an import), each under its own id: what is here already is
     * passed over; a submission is put in its period only when it has none. Its submissions must be here.
     */
    void restoreReview(Kept kept);

    /** An account's notifications, newest first, at most {@code limit}. */
    List<Notification> notifications(String account, int limit);

    /** How many of an account's notifications are unread. */
    int unread(String account);

    /** Marks every notification of an account read. */
    void markRead(String account, Instant at);

    /** Adds notices that are not there yet (by their {@code onceKey}); how many were added. */
    int addNotices(List<Notice> notices);

    /** Notifications not yet mailed, oldest first, at most {@code limit}. */
    List<Notification> unmailed(int limit);

    /** Claims a notification for mailing: true for the one caller that marks it, false when another instance did. */
    boolean claimMailing(String id, Instant at);

    /**
     * A pilot's form saved as a draft (docs/spec/entry.md).
     *
     * @param city    the pilot
     * @param fields  the form's fields exactly as typed, as a JSON object
     * @param savedBy the account that saved it
     * @param savedAt when
     */
    record Draft(String city, String fields, String savedBy, Instant savedAt) {
    }

    /** The pilot's draft, or empty. */
    Optional<Draft> draft(String city);

    /** Keeps the pilot's draft in place of the one before, with its audit row. */
    void saveDraft(Draft draft, AuditEntry audit);

    /** Every pilot's draft, by city, for an export. */
    List<Draft> drafts();

    /** Keeps an exported draft where the pilot has none (an import); true when it was added. */
    boolean restoreDraft(Draft draft);

    /** Drops the pilot's draft (the form was submitted); none is no error. */
    void dropDraft(String city);
}
