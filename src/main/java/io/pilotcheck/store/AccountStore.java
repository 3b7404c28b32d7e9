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
    List<AuditEntry> auditLog(Instant since, int limit);
}
