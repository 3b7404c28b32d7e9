package io.pilotcheck.serve;

import io.pilotcheck.app.AuditLog;

import java.util.List;

/** What the admin's pages show ({@code admin-accounts.jte}, {@code admin-tokens.jte}, {@code admin-audit.jte}). */
public final class AdminView {

    private AdminView() {
    }

    /**
     * What the last action made known.
     *
     * @param notice  what was done, or null
     * @param secret  a password or token made by it, shown this once, or null
     * @param problem why it was not done, or null
     */
    public record Told(String notice, String secret, String problem) {
    }

    /** An account as the list shows it; {@code pathName} is its name as it stands in a link. */
    public record AccountRow(String name, String displayName, String role, String scope, boolean active, String created,
                             String pathName) {
    }

    /** The accounts page: the accounts, and what the form to add one offers. */
    public record Accounts(PageView page, List<AccountRow> accounts, List<String> provinces, List<String> cities, Told told) {
    }

    /** A token as the list shows it. */
    public record TokenRow(String id, String account, String label, String scope, String created, String lastUsed,
                           String revoked) {
    }

    /** The tokens page: every account's tokens, and the active accounts one may be made for. */
    public record Tokens(PageView page, List<TokenRow> tokens, List<String> accounts, Told told) {
    }

    /** A row of the audit log as shown, its time in the service's zone. */
    public record AuditRow(String at, String actor, String address, String action, String object, String detail) {
    }

    /**
     * The audit page.
     *
     * @param more    whether the filter keeps more rows than are shown
     * @param actions every action the log holds, for the filter
     * @param csvPath the CSV of what the filter keeps, below the base path
     * @param zone    the zone the times are in
     */
    public record Audit(PageView page, List<AuditRow> rows, boolean more, AuditLog.Query query, List<String> actions,
                        String csvPath, String zone) {
    }
}
