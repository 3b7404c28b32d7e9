package io.pilotcheck.app;

import io.pilotcheck.registry.Scope;

import java.util.Set;

/**
 * Who is asking: the roles they hold and the pilots they may see. Every read of the application
 * layer takes the caller's scope; what lies outside it does not exist for them (404, never 403).
 *
 * @param name  how the access log names the caller
 * @param roles the roles held
 * @param scope the pilots they may see and act on
 */
public record Caller(String name, Set<Role> roles, Scope scope) {

    private static final Caller DESKTOP = new Caller("desktop", Set.of(Role.EVERYONE), Scope.all());

    /** Copies the roles. */
    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The one user of a service with no accounts (desktop mode, loopback only): every pilot. */
    public static Caller desktop() {
        return DESKTOP;
    }

    /** Whether the caller may use what needs {@code needed}. */
    public boolean may(Role needed) {
        return needed == Role.EVERYONE || roles.contains(needed);
    }
}
