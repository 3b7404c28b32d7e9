package io.pilotcheck.serve;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.pilotcheck.app.Role;

/**
 * One row of the service's route table: a method and a path (below the base path), the role a
 * caller needs, and what answers it. Every page and API route is one; {@link RouteTable}
 * registers them all, and nothing else registers a route.
 *
 * @param method  the HTTP method
 * @param path    the path, Javalin's syntax ({@code /submissions/{id}})
 * @param needs   the role a caller needs
 * @param handler what answers
 */
record Route(HandlerType method, String path, Role needs, Handler handler) {

    static Route get(String path, Role needs, Handler handler) {
        return new Route(HandlerType.GET, path, needs, handler);
    }

    static Route post(String path, Role needs, Handler handler) {
        return new Route(HandlerType.POST, path, needs, handler);
    }
}
