package io.pilotcheck.serve;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.pilotcheck.app.Caller;
import io.pilotcheck.app.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The service's routes in one table, an area a module ({@code CheckRoutes},
 * {@code SubmissionRoutes}, {@code PilotRoutes}, {@code ServiceRoutes}), each route naming the
 * role it needs; and the one before-handler that decides, for every route, who is asking and
 * whether they may. A caller who may not gets the 404 of a path that does not exist.
 */
final class RouteTable {

    /** The request attribute holding the caller. */
    static final String CALLER = "pilotcheck.caller";

    /** A role as Javalin carries it on a route, so the before-handler can read it. */
    private record Needs(Role role) implements RouteRole {
    }

    private final List<Route> routes;
    private final Access access;

    RouteTable(List<List<Route>> modules, Access access) {
        List<Route> all = new ArrayList<>();
        modules.forEach(all::addAll);
        this.routes = List.copyOf(all);
        this.access = access;
    }

    /** Every route, in the order registered. */
    List<Route> routes() {
        return routes;
    }

    /** Registers every route, and the before-handler that admits callers to them. */
    void register(RoutesConfig config) {
        config.beforeMatched(this::admit);
        for (Route r : routes) {
            config.addHttpHandler(r.method(), r.path(), r.handler(), new Needs(r.needs()));
        }
    }

    /**
     * Who is asking, and whether they may use the matched route. Desktop mode: its one caller.
     * Shared mode: nobody signed in is sent to the login page (a page) or answered 401 (the
     * API); a role that may never use a route is 403; a signed-in browser's change carries its
     * session's CSRF token, or is 403 {@code csrf}.
     */
    private void admit(Context ctx) {
        Caller caller = access.shared() ? access.caller(ctx) : Caller.desktop();
        ctx.attribute(CALLER, caller);
        for (RouteRole r : ctx.routeRoles()) {
            if (r instanceof Needs needs && !caller.may(needs.role())) {
                if (caller.roles().equals(Caller.anonymous().roles())) {
                    String path = ctx.path().substring(PageFrame.base(ctx).length());
                    if (path.startsWith("/api/") || path.equals("/metrics") || !"GET".equals(ctx.method().name())) {
                        ctx.header("WWW-Authenticate", "Bearer");
                        throw new ApiError(401, "unauthenticated");
                    }
                    throw new LoginRedirect(ctx.path().substring(PageFrame.base(ctx).length())
                            + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
                }
                throw new ApiError(403, "forbidden");
            }
        }
        if (caller.csrf() != null && !"GET".equals(ctx.method().name()) && !"HEAD".equals(ctx.method().name())) {
            String given = ctx.header("X-CSRF-Token") != null ? ctx.header("X-CSRF-Token") : ctx.queryParam("csrf");
            if (given == null || !java.security.MessageDigest.isEqual(given.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    caller.csrf().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new ApiError(403, "csrf");
            }
        }
    }

    /** A page asked for by nobody signed in: to the login page, which comes back to {@code next} after. */
    static final class LoginRedirect extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String next;

        LoginRedirect(String next) {
            super(null, null, false, false);
            this.next = next;
        }

        /** The path (below the base path) and query asked for. */
        String next() {
            return next;
        }
    }

    /** The pilots the caller the before-handler admitted may see. */
    static io.pilotcheck.registry.Scope scope(Context ctx) {
        return caller(ctx).scope();
    }

    /** The caller the before-handler admitted. */
    static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        if (c == null) {
            throw new IllegalStateException("no caller: a route ran without the route table's before-handler");
        }
        return c;
    }
}
