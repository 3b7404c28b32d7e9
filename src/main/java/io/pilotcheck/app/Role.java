package io.pilotcheck.app;

/**
 * What a caller must be to use a page or an API route (docs/spec/access.md). Every route names
 * one; the one before-handler of the service asks {@link Caller#may} before the route runs. The
 * one caller of a desktop service (no accounts) is everything.
 */
public enum Role {
    /** No caller needed: the login page, health and readiness, the page's own script. */
    PUBLIC,
    /** Any caller: a signed-in account of any role, a token that may read, the desktop's user. */
    EVERYONE,
    /** Keeps submissions: an admin or a submitter (for its city), a token that may submit. */
    SUBMIT,
    /** Re-checks and, later, decides on findings: an admin or a reviewer. */
    REVIEW,
    /** Reads the metrics: an admin, a token of the {@code metrics} scope. */
    METRICS,
    /** Runs the service: accounts, tokens, the audit log. */
    ADMIN
}
