package io.pilotcheck.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The accounts of a shared service and its audit log (docs/spec/access.md), kept beside the
 * submissions so that every instance on one store shares them. What a role may do and how a
 * password is checked are the application layer's; this keeps rows.
 */
public interface AccountStore {

    /**
     * An account.
     *
     * @param role         {@code admin}, {@code reviewer} or {@code submitter}
     * @param provinces    a reviewer's provinces (Chinese names); empty for all pilots, and for other roles
     * @param city         a submitter's pilot city, else null
     * @param passwordHash the password's Argon2id hash, in its encoded form
     */
    record Account(String name, String displayName, String role, List<String> provinces, String city, String passwordHash,
                   boolean active, Instant createdAt, Instant changedAt) {
        /** Copies the provinces. */
        public Account {
            provinces = List.copyOf(provinces);
        }
    }

    /**
     * One row of the audit log.
     *
     * @param actor   an account's name, {@code cli} or {@code system}
     * @param address the client's address, or null (the command line)
     * @param object  what was acted on (a submission, an account, …), or null
     * @param detail  a short detail, or null
     */
    record AuditEntry(Instant at, String actor, String address, String action, String object, String detail) {
    }

    /** How many accounts there are, active or not: none means desktop mode. */
    int accountCount();

    /**
     * Adds an account, and its audit row in the same transaction.
     *
     * @return false, adding nothing, when the name is taken
     */
    boolean addAccount(Account account, AuditEntry audit);

    /** An account by name, or empty. */
    Optional<Account> account(String name);

    /** Every account, by name. */
    List<Account> accounts();

    /**
     * Changes an account (its state, password, display name or scope), and adds its audit row,
     * in one transaction; a changed password or a disabled account ends the account's sessions.
     *
     * @return false when there is no such account
     */
    boolean changeAccount(Account changed, AuditEntry audit);

    /** Adds a row to the audit log. */
    void audit(AuditEntry entry);

    /** The audit log's rows at or after {@code since} (all when null), oldest first, at most {@code limit}. */
    default List<AuditEntry> auditLog(Instant since, int limit) {
        return auditRows(new AuditFilter(null, null, null, since, null, false), limit);
    }

    /**
     * Which rows of the audit log to read: each condition that is not null must hold.
     *
     * @param actor       the actor, exactly
     * @param action      the action, exactly, or every action under it ({@code account} for {@code account.created}, …)
     * @param object      the object, exactly
     * @param from        at or after this moment
     * @param until       before this moment
     * @param newestFirst newest row first (the admin's page), else oldest first (a file that is read top to bottom)
     */
    record AuditFilter(String actor, String action, String object, Instant from, Instant until, boolean newestFirst) {
    }

    /** The audit log's rows that {@code filter} keeps, at most {@code limit}. */
    List<AuditEntry> auditRows(AuditFilter filter, int limit);

    /** An audit row with its id, as an export carries it: ids sort in the order rows were added. */
    record AuditRecord(String id, AuditEntry entry) {
    }

    /** Up to {@code limit} audit rows after the id {@code afterId} (from the first when null), in order. */
    List<AuditRecord> auditRecords(String afterId, int limit);

    /** Adds the rows of another store's audit log (an import), each once: a row whose id is here already is passed over. */
    int restoreAudit(List<AuditRecord> rows);

    /** Every distinct action in the audit log, sorted: what a filter may pick from. */
    List<String> auditActions();

    /**
     * A browser's session.
     *
     * @param idSha256 the SHA-256 of the id its cookie holds (the id itself is never kept)
     * @param csrf     the token its pages' forms carry
     * @param endedAt  when it was ended (logout, a changed password, a disabled account), or null
     */
    record Session(String idSha256, String account, String csrf, Instant createdAt, Instant lastSeenAt, Instant endedAt) {
    }

    /** Keeps a new session, and its audit row (a login) in the same transaction. */
    void addSession(Session session, AuditEntry audit);

    /** A session by its id's SHA-256, or empty. */
    Optional<Session> session(String idSha256);

    /** Notes that a session was used at {@code at}. */
    void touchSession(String idSha256, Instant at);

    /** Ends a session, with its audit row (a logout). */
    void endSession(String idSha256, Instant at, AuditEntry audit);

    /** Notes a failed login of {@code name} from {@code address}. */
    void addLoginFailure(String name, String address, Instant at);

    /** When the failed logins of {@code name} at or after {@code since} were, newest first. */
    List<Instant> loginFailuresOfName(String name, Instant since);

    /** When the failed logins from {@code address} at or after {@code since} were, newest first. */
    List<Instant> loginFailuresFrom(String address, Instant since);

    /**
     * A tool's token.
     *
     * @param scope        {@code submit}, {@code read} or {@code metrics}
     * @param secretSha256 the SHA-256 of the token (the token itself is shown once and never kept)
     */
    record Token(String id, String account, String label, String scope, String secretSha256, Instant createdAt,
                 Instant lastUsedAt, Instant revokedAt) {
    }

    /** Keeps a new token, with its audit row. */
    void addToken(Token token, AuditEntry audit);

    /** A token by its secret's SHA-256, revoked or not, or empty. */
    Optional<Token> tokenBySecret(String secretSha256);

    /** The tokens of {@code account}, or of every account when null, oldest first. */
    List<Token> tokens(String account);

    /** Revokes a token, with its audit row; false when there is no such token. */
    boolean revokeToken(String id, Instant at, AuditEntry audit);

    /** Notes that a token was used at {@code at}. */
    void touchToken(String id, Instant at);
}
