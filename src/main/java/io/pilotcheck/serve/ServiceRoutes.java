package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.pilotcheck.api.ToolVersion;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.Role;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What an operator's tools ask: liveness, readiness and the metrics. */
final class ServiceRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CheckServer server;
    private final Supplier<ServedRules.State> rules;
    private final Application app;

    ServiceRoutes(CheckServer server, Supplier<ServedRules.State> rules, Application app) {
        this.server = server;
        this.rules = rules;
        this.app = app;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/healthz", Role.PUBLIC, ctx -> CheckServer.json(ctx, 200, JSON.createObjectNode()
                        .put("status", "ok").put("version", ToolVersion.get()).put("commit", ToolVersion.commit()))),
                Route.get("/readyz", Role.PUBLIC, this::ready),
                Route.get("/metrics", Role.METRICS, ctx -> CheckServer.respond(ctx, "text/plain; version=0.0.4; charset=utf-8",
                        server.metrics().scrape().getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Ready while rules are loaded and the store answers (503 with the store's reason when it
     * does not); an edit that does not build is reported here, not as a 503.
     */
    private void ready(Context ctx) {
        ServedRules.State state = rules.get();
        // /readyz answers within a second whatever the database does
        Optional<String> storeProblem = app.storeProblem(Duration.ofMillis(800));
        ObjectNode body = JSON.createObjectNode().put("status", storeProblem.isEmpty() ? "ready" : "not_ready")
                .put("rules", state.book().rules().size()).put("fingerprint", state.book().fingerprint());
        if (state.ruleSet() > 0) {
            body.put("rule_set", state.ruleSet());
        }
        body.put("store", storeProblem.orElse(app.storeShown()));
        if (!state.problems().isEmpty()) {
            body.put("rules_edit", "does not build; the previous rules are in use");
            state.problems().forEach(body.putArray("rules_problems")::add);
        }
        CheckServer.json(ctx, storeProblem.isEmpty() ? 200 : 503, body);
    }
}
