package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.Caller;
import io.pilotcheck.app.Reviews;
import io.pilotcheck.app.Role;
import io.pilotcheck.store.ReviewStore;
import io.pilotcheck.words.Clock;
import io.pilotcheck.words.Language;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The review loop's API (docs/spec/review.md, "API"): periods, each pilot's state in one, the
 * review of its current dossier, and the steps that move it, as JSON under {@code /api/v1}; and
 * the caller's notifications. Everything is the application layer's; this maps requests to it.
 */
final class ReviewRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PILOT = "/api/v1/periods/{period}/pilots/{city}";

    /** The API described ({@code openapi.json}, kept by hand and checked against the routes by {@code OpenApiTest}). */
    private static final byte[] OPENAPI = openapi();

    private static byte[] openapi() {
        try (java.io.InputStream in = ReviewRoutes.class.getResourceAsStream("openapi.json")) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.json is missing from the build", e);
        }
    }

    private final CheckServer server;
    private final Application app;

    ReviewRoutes(CheckServer server, Application app) {
        this.server = server;
        this.app = app;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/v1/periods", Role.EVERYONE, this::periods),
                Route.post("/api/v1/periods", Role.ADMIN, this::addPeriod),
                Route.post("/api/v1/periods/{period}/close", Role.ADMIN, ctx -> {
                    app.periods().close(ctx.pathParam("period"), caller(ctx).name(), server.client(ctx), server.now());
                    CheckServer.json(ctx, 200, JSON.createObjectNode().put("closed", ctx.pathParam("period")));
                }),
                Route.get("/api/v1/periods/{period}/pilots", Role.EVERYONE, this::pilots),
                Route.get(PILOT, Role.EVERYONE, this::review),
                Route.post(PILOT + "/open", Role.REVIEW, ctx -> step(ctx, () -> app.reviews().open(caller(ctx), period(ctx), city(ctx),
                        server.client(ctx), server.now()))),
                Route.post(PILOT + "/decisions", Role.REVIEW, ctx -> {
                    JsonNode body = body(ctx);
                    step(ctx, () -> app.reviews().decide(caller(ctx), period(ctx), city(ctx), text(body, "rule"), text(body, "path"),
                            text(body, "kind"), text(body, "reason"), day(body, "until", ctx), server.client(ctx), server.now()));
                }),
                Route.post(PILOT + "/return", Role.REVIEW, ctx -> {
                    JsonNode body = body(ctx);
                    step(ctx, () -> app.reviews().returnIt(caller(ctx), period(ctx), city(ctx), text(body, "comment"),
                            server.client(ctx), server.now()));
                }),
                Route.post(PILOT + "/accept", Role.REVIEW, ctx -> step(ctx, () -> app.reviews().accept(caller(ctx), period(ctx), city(ctx),
                        server.client(ctx), server.now()))),
                Route.post(PILOT + "/withdraw", Role.SUBMIT, ctx -> step(ctx, () -> app.reviews().withdraw(caller(ctx), period(ctx),
                        city(ctx), server.client(ctx), server.now()))),
                Route.post(PILOT + "/reopen", Role.ADMIN, ctx -> {
                    JsonNode body = body(ctx);
                    step(ctx, () -> app.reviews().reopen(caller(ctx), period(ctx), city(ctx), text(body, "reason"), server.client(ctx),
                            server.now()));
                }),
                Route.post(PILOT + "/comments", Role.EVERYONE, ctx -> {
                    JsonNode body = body(ctx);
                    step(ctx, () -> app.reviews().comment(caller(ctx), period(ctx), city(ctx), text(body, "rule"), text(body, "path"),
                            text(body, "body"), server.client(ctx), server.now()));
                }),
                Route.get("/api/v1/inbox", Role.EVERYONE, this::inbox),
                Route.get("/api/v1/openapi.json", Role.EVERYONE, ctx -> CheckServer.respond(ctx, "application/json; charset=utf-8", OPENAPI)),
                Route.post("/api/v1/inbox/read", Role.EVERYONE, ctx -> {
                    app.inbox().markRead(caller(ctx), server.now());
                    CheckServer.json(ctx, 200, JSON.createObjectNode().put("unread", 0));
                }));
    }

    private static Caller caller(Context ctx) {
        return RouteTable.caller(ctx);
    }

    private static String period(Context ctx) {
        return ctx.pathParam("period");
    }

    private static String city(Context ctx) {
        return ctx.pathParam("city");
    }

    /** Takes a step, then answers with the pilot's review as it now stands. */
    private void step(Context ctx, Runnable step) throws IOException {
        step.run();
        review(ctx);
    }

    private static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ApiError(400, "body_unreadable", "reason", "a JSON object is expected");
            }
            return node;
        } catch (IOException e) {
            throw new ApiError(400, "body_unreadable", "reason", "not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate day(JsonNode body, String field, Context ctx) {
        return CheckServer.day(ctx, field, text(body, field));
    }

    private void periods(Context ctx) {
        ArrayNode list = JSON.createArrayNode();
        for (ReviewStore.Period p : app.periods().list()) {
            list.add(period(p));
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("periods", list);
        app.periods().current().ifPresent(p -> body.put("current", p.name()));
        CheckServer.json(ctx, 200, body);
    }

    static ObjectNode period(ReviewStore.Period p) {
        ObjectNode n = JSON.createObjectNode().put("name", p.name()).put("due", p.due().toString()).put("as_of", p.asOf().toString())
                .put("open", p.open()).put("opened_at", p.openedAt().toString()).put("opened_by", p.openedBy());
        ArrayNode pilots = n.putArray("pilots");
        p.pilots().forEach(pilots::add);
        if (!p.open()) {
            n.put("closed_at", p.closedAt().toString()).put("closed_by", p.closedBy());
        }
        return n;
    }

    private void addPeriod(Context ctx) {
        JsonNode body = body(ctx);
        List<String> pilots = new ArrayList<>();
        body.path("pilots").forEach(p -> pilots.add(p.asText()));
        LocalDate due = day(body, "due", ctx);
        ReviewStore.Period p = app.periods().add(text(body, "name"), due, day(body, "as_of", ctx), pilots, caller(ctx).name(),
                server.client(ctx), server.now());
        CheckServer.json(ctx, 201, period(p));
    }

    private ReviewStore.Period knownPeriod(Context ctx) {
        return app.periods().find(period(ctx)).orElseThrow(() -> new ApiError(404, "not_found", "path", ctx.path()));
    }

    private void pilots(Context ctx) {
        ReviewStore.Period p = knownPeriod(ctx);
        Language lang = CheckServer.lang(ctx);
        ArrayNode list = JSON.createArrayNode();
        for (Reviews.PilotState s : app.reviews().states(RouteTable.scope(ctx), p, Clock.day(server.now()))) {
            list.add(state(s, lang));
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("period", period(p));
        body.set("pilots", list);
        CheckServer.json(ctx, 200, body);
    }

    private static ObjectNode state(Reviews.PilotState s, Language lang) {
        ObjectNode n = JSON.createObjectNode().put("city", s.city().name()).put("city_en", s.city().nameEn())
                .put("province", s.city().province(lang)).put("state", s.state().name())
                .put("state_shown", ServeWords.word("state." + s.state().name(), lang)).put("days_overdue", s.daysOverdue())
                .put("submission", s.submissionId());
        if (s.last() != null) {
            n.putObject("last_step").put("step", s.last().step()).put("actor", s.last().actor()).put("at", s.last().at().toString())
                    .put("note", s.last().note());
        }
        return n;
    }

    private void review(Context ctx) {
        ReviewStore.Period p = knownPeriod(ctx);
        Language lang = CheckServer.lang(ctx);
        Reviews.Review r = app.reviews().review(RouteTable.scope(ctx), p.name(), city(ctx), Clock.day(server.now()));
        ObjectNode body = JSON.createObjectNode();
        body.set("pilot", state(r.state(), lang));
        body.put("submission", r.submissionId()).put("open_must_fix", r.openMustFix());
        if (r.dossier() != null) {
            body.put("file", r.dossier().file()).put("verdict", r.dossier().verdict().id());
        }
        ArrayNode findings = body.putArray("findings");
        for (Reviews.Decided d : r.findings()) {
            ObjectNode f = findings.addObject().put("rule", d.finding().ruleId()).put("severity", d.finding().severity().id())
                    .put("path", d.finding().path()).put("message", d.finding().message().in(lang)).put("waived", d.finding().waived())
                    .put("decided", d.decided());
            if (d.explicit() != null) {
                f.set("decision", decision(d.explicit()));
            }
        }
        ArrayNode earlier = body.putArray("earlier_must_fix");
        for (Reviews.Earlier e : r.earlier()) {
            earlier.addObject().put("rule", e.decision().ruleId()).put("path", e.decision().path()).put("resolved", e.resolved())
                    .put("submission", e.decision().submissionId());
        }
        ArrayNode comments = body.putArray("comments");
        for (ReviewStore.Comment c : r.comments()) {
            comments.addObject().put("author", c.author()).put("at", c.at().toString()).put("rule", c.ruleId()).put("path", c.path())
                    .put("body", c.body());
        }
        CheckServer.json(ctx, 200, body);
    }

    private static ObjectNode decision(ReviewStore.Decision d) {
        return JSON.createObjectNode().put("kind", d.kind()).put("reason", d.reason()).put("until", d.until() == null ? null : d.until().toString())
                .put("author", d.author()).put("at", d.at().toString());
    }

    private void inbox(Context ctx) {
        Caller caller = caller(ctx);
        ObjectNode body = JSON.createObjectNode().put("unread", app.inbox().unread(caller));
        ArrayNode list = body.putArray("notifications");
        for (ReviewStore.Notification n : app.inbox().list(caller)) {
            ReviewStore.Notice x = n.notice();
            list.addObject().put("id", n.id()).put("at", x.at().toString()).put("kind", x.kind()).put("period", x.period())
                    .put("city", x.city()).put("submission", x.submissionId()).put("actor", x.actor()).put("detail", x.detail())
                    .put("read", n.readAt() != null);
        }
        CheckServer.json(ctx, 200, body);
    }
}
