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
    private static final String CALLER = "pilotcheck.caller";

    /** A role as Javalin carries it on a route, so the before-handler can read it. */
    private record Needs(Role role) implements RouteRole {
    }

    private final List<Route> routes;

    RouteTable(List<List<Route>> modules) {
        List<Route> all = new ArrayList<>();
        modules.forEach(all::addAll);
        this.routes = List.copyOf(all);
    }

    /** Registers every route, and the before-handler that admits callers to them. */
    void register(RoutesConfig config) {
        config.beforeMatched(RouteTable::admit);
        for (Route r : routes) {
            config.addHttpHandler(r.method(), r.path(), r.handler(), new Needs(r.needs()));
        }
    }

    /** Who is asking, and whether they may use the matched route; a route outside their role is 404. */
    private static void admit(Context ctx) {
        Caller caller = Caller.desktop();
        ctx.attribute(CALLER, caller);
        for (RouteRole r : ctx.routeRoles()) {
            if (r instanceof Needs needs && !caller.may(needs.role())) {
                throw new ApiError(404, "not_found", "path", ctx.path());
            }
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
