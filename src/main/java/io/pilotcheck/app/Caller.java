package io.pilotcheck.app;

import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.AccountStore.Account;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is asking: the roles they hold and the pilots they may see. Every read of the application
 * layer takes the caller's scope; what lies outside it does not exist for them (404, never 403).
 *
 * @param name  how the access and audit logs name the caller (an account's name, {@code desktop}, {@code -})
 * @param roles the roles held
 * @param scope the pilots they may see and act on
 * @param csrf  the token a signed-in browser's state-changing requests must carry, or null (none needed)
 */
public record Caller(String name, Set<Role> roles, Scope scope, String csrf) {

    private static final Caller DESKTOP = new Caller("desktop", EnumSet.allOf(Role.class), Scope.all(), null);
    private static final Caller ANONYMOUS = new Caller("-", EnumSet.of(Role.PUBLIC), Scope.all(), null);

    /** Copies the roles. */
    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The one user of a service with no accounts (desktop mode, loopback only): every pilot, every role. */
    public static Caller desktop() {
        return DESKTOP;
    }

    /** Nobody signed in, in shared mode: the public routes only. */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /** A signed-in account, with the token its browser's forms carry. */
    public static Caller of(Account account, String csrf) {
        return new Caller(account.name(), roles(account), Accounts.scope(account), csrf);
    }

    /**
     * A tool's token acting for {@code account}, narrowed to what the token may: {@code read} the
     * routes any caller may read, {@code submit} those and checking and keeping submissions, {@code metrics} the metrics.
     */
    public static Caller ofToken(Account account, String tokenScope) {
        Set<Role> held = roles(account);
        Set<Role> allowed = switch (tokenScope) {
            case "read" -> EnumSet.of(Role.PUBLIC, Role.EVERYONE);
            case "submit" -> EnumSet.of(Role.PUBLIC, Role.EVERYONE, Role.SUBMIT);
            case "metrics" -> EnumSet.of(Role.PUBLIC, Role.METRICS);
            default -> EnumSet.of(Role.PUBLIC);
        };
        allowed.retainAll(held);
        return new Caller(account.name(), allowed, Accounts.scope(account), null);
    }

    private static Set<Role> roles(Account account) {
        return switch (Accounts.AccountRole.valueOf(account.role())) {
            case admin -> EnumSet.allOf(Role.class);
            case reviewer -> EnumSet.of(Role.PUBLIC, Role.EVERYONE, Role.REVIEW);
            case submitter -> EnumSet.of(Role.PUBLIC, Role.EVERYONE, Role.SUBMIT);
        };
    }

    /** Whether the caller is an account (signed in, or by its token): neither the desktop's one user nor nobody. */
    public boolean account() {
        return this != DESKTOP && this != ANONYMOUS;
    }

    /** Whether the caller may use what needs {@code needed}. */
    public boolean may(Role needed) {
        return needed == Role.PUBLIC || roles.contains(needed);
    }
}
