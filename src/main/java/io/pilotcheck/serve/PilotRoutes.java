package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.Pilots;
import io.pilotcheck.app.Rechecks;
import io.pilotcheck.app.Role;
import io.pilotcheck.words.Language;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.DossierEntry;

import java.util.List;

/**
 * The pilots: the dashboard and {@code /api/v1/pilots}, a pilot's page and history, and the
 * re-check of what older rules checked. Everything is asked of the application layer in the
 * caller's scope; a pilot outside it is 404.
 */
final class PilotRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CheckServer server;
    private final Application app;

    PilotRoutes(CheckServer server, Application app) {
        this.server = server;
        this.app = app;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/pilots", Role.EVERYONE, this::dashboard),
                Route.get("/pilots/recheck", Role.REVIEW, this::recheckPreview),
                Route.post("/pilots/recheck", Role.REVIEW, this::recheckFromPage),
                Route.get("/pilots/{city}", Role.EVERYONE, this::pilotPage),
                Route.get("/pilots/{city}/{file}", Role.EVERYONE, this::pilotReport),
                Route.get("/api/v1/pilots", Role.EVERYONE, this::pilots),
                Route.get("/api/v1/pilots/{city}/history", Role.EVERYONE, this::history),
                Route.post("/api/v1/recheck", Role.REVIEW, this::recheck));
    }

    private static Scope scope(Context ctx) {
        return RouteTable.scope(ctx);
    }

    /** {@code GET /pilots}: the dashboard, filtered by province and verdict. */
    private void dashboard(Context ctx) {
        Language lang = CheckServer.lang(ctx);
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("dash.title", lang), "/pilots?" + kept(ctx, "province", "verdict", "change") + "lang=");
        CheckServer.page(ctx, StorePages.dashboard(page, app.pilots().overview(scope(ctx), lang),
                CheckServer.blankToNull(ctx.queryParam("province")), CheckServer.blankToNull(ctx.queryParam("verdict")),
                "changed".equals(ctx.queryParam("change")), app.pilots()::ruleTitle));
    }

    /** The named query parameters the request has, each followed by {@code &}: what the other language's link keeps. */
    static String kept(Context ctx, String... names) {
        StringBuilder out = new StringBuilder();
        for (String n : names) {
            String v = CheckServer.blankToNull(ctx.queryParam(n));
            if (v != null) {
                out.append(n).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        }
        return out.toString();
    }

    /** {@code GET /pilots/{city}}: a pilot's page. */
    private void pilotPage(Context ctx) {
        Pilots.History history = historyOf(ctx);
        Language lang = CheckServer.lang(ctx);
        PageView page = PageFrame.view(ctx, lang, history.city().name(lang),
                "/pilots/" + PageFrame.path(history.city().nameEn()) + "?lang=");
        boolean paged = CheckServer.blankToNull(CheckServer.param(ctx, "cursor")) != null;
        CheckServer.page(ctx, StorePages.pilot(page, history, paged, app.pilots()::rule));
    }

    /**
     * {@code GET /pilots/{city}/report} and {@code …/report.EXT}: the pilot's latest dossier
     * alone, as a page with its downloads or as a download in the format the extension names.
     */
    private void pilotReport(Context ctx) {
        String file = ctx.pathParam("file");
        Language lang = CheckServer.lang(ctx);
        if (file.equals("template.xlsx")) {
            // the city's workbook to fill (docs/spec/entry.md), current to today
            io.pilotcheck.registry.PilotCity city = app.pilots().find(scope(ctx), ctx.pathParam("city"))
                    .orElseThrow(() -> SubmissionRoutes.notFound(ctx));
            ctx.header("Content-Disposition", "attachment; filename=\"" + city.nameEn().replaceAll("[^A-Za-z0-9._-]", "_") + "-template.xlsx\"");
            CheckServer.respond(ctx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    app.pilots().template(scope(ctx), city.name(), io.pilotcheck.words.Clock.day(server.now())).orElseThrow());
            return;
        }
        String ext = file.startsWith("report.") ? file.substring("report.".length()) : file.equals("report") ? "html" : null;
        io.pilotcheck.report.ReportFormat format = ext == null ? null : io.pilotcheck.report.ReportFormats.names().stream()
                .map(n -> io.pilotcheck.report.ReportFormats.find(n).orElseThrow())
                .filter(f -> f.extension().equals(ext)).findFirst().orElse(null);
        if (format == null) {
            throw SubmissionRoutes.notFound(ctx);
        }
        Pilots.Current current = app.pilots().current(scope(ctx), ctx.pathParam("city")).orElseThrow(() -> SubmissionRoutes.notFound(ctx));
        byte[] bytes = app.pilots().report(current, format, lang, CheckServer.failOn(ctx));
        if (!file.equals("report")) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + current.city().nameEn().replaceAll("[^A-Za-z0-9._-]", "_")
                    + "-" + io.pilotcheck.words.Clock.day(current.entry().received()) + "." + format.extension() + "\"");
            CheckServer.respond(ctx, format.mediaType(), bytes);
            return;
        }
        String self = "/pilots/" + PageFrame.path(current.city().nameEn());
        PageView page = PageFrame.view(ctx, lang, "", self + "/report?lang=");
        CheckServer.respond(ctx, "text/html; charset=utf-8", DownloadBar.pilot(new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                page, self, current.city().name(lang)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@code POST /api/v1/recheck}: each pilot's latest submission checked under older rules, re-checked under the current ones. */
    void recheck(Context ctx) {
        Rechecks.Rechecked done = recheckWithinLimits(ctx);
        ObjectNode body = JSON.createObjectNode().put("rules_fingerprint", done.rulesFingerprint());
        int ruleSet = server.rules().ruleSet();
        if (ruleSet > 0) {
            body.put("rule_set", ruleSet);
        }
        body.put("rechecked", done.submissions().size());
        done.submissions().forEach(body.putArray("submissions")::add);
        ArrayNode changed = body.putArray("changed");
        for (Rechecks.Effect e : done.effects()) {
            ObjectNode c = changed.addObject().put("city", e.city().name()).put("city_en", e.city().nameEn());
            c.putObject("before").put("verdict", e.before().verdict().id()).put("violations", count(e.before(), "violation"));
            c.putObject("after").put("verdict", e.after().verdict().id()).put("violations", count(e.after(), "violation"));
            c.set("change", change(e.change()));
        }
        CheckServer.json(ctx, 200, body);
    }

    private static long count(io.pilotcheck.finding.DossierResult d, String severity) {
        return d.findings().stream().filter(f -> f.severity().id().equals(severity) && !f.waived()).count();
    }

    /** {@code GET /pilots/recheck}: what changed in the rules, and which pilots a re-check would change, before it is done. */
    private void recheckPreview(Context ctx) {
        Language lang = CheckServer.lang(ctx);
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("recheck.title", lang), "/pilots/recheck?lang=");
        Scope scope = scope(ctx);
        app.requireStore();
        Rechecks.Preview preview = server.withinLimits(ctx, () -> app.rechecks().preview(scope, lang));
        CheckServer.page(ctx, StorePages.recheck(page, false, server.rules().ruleSet(), preview.stale(), preview.ruleChanges(), preview.effects()));
    }

    /** The page's button: re-checks as the API does, then says what it changed. */
    void recheckFromPage(Context ctx) {
        Language lang = CheckServer.lang(ctx);
        Rechecks.Rechecked done = recheckWithinLimits(ctx);
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("recheck.doneTitle", lang), "/pilots?lang=");
        CheckServer.page(ctx, StorePages.recheck(page, true, server.rules().ruleSet(), done.submissions().size(), done.ruleChanges(), done.effects()));
    }

    private Rechecks.Rechecked recheckWithinLimits(Context ctx) {
        Scope scope = scope(ctx);
        Language lang = CheckServer.lang(ctx);
        app.requireStore(); // no store: 503 before a slot is taken
        return server.withinLimits(ctx, () -> app.rechecks().latestUnderOlderRules(scope, lang,
                RouteTable.caller(ctx).name(), server.client(ctx)));
    }

    /** {@code GET /api/v1/pilots}: the pilots in scope in annex order, each with its latest dossier. */
    void pilots(Context ctx) {
        CheckServer.json(ctx, 200, pilotsJson(app.pilots().overview(scope(ctx), CheckServer.lang(ctx))));
    }

    /** The pilots and their latest dossiers, as the API gives them. */
    static ObjectNode pilotsJson(Pilots.Overview overview) {
        ObjectNode body = JSON.createObjectNode().put("rules_fingerprint", overview.rulesFingerprint());
        ArrayNode pilots = body.putArray("pilots");
        for (Pilots.Row row : overview.pilots()) {
            io.pilotcheck.registry.PilotCity c = row.city();
            ObjectNode p = pilots.addObject().put("number", c.number()).put("city", c.name()).put("city_en", c.nameEn())
                    .put("province", c.provinceFull()).put("province_en", c.provinceEn()).put("starred", c.starred());
            if (row.latest() == null) {
                p.putNull("latest");
                continue;
            }
            ObjectNode l = entry(p.putObject("latest"), row.latest());
            l.put("current_rules", row.currentRules());
            row.violatedRules().forEach(l.putArray("violated_rules")::add);
            if (row.change() == null) {
                l.putNull("change");
            } else {
                Pilots.Change ch = row.change();
                ObjectNode counts = l.putObject("change").put("new", ch.byCity().added().size())
                        .put("resolved", ch.byCity().resolved().size()).put("changed", ch.byCity().changed().size())
                        .put("by_rules", ch.byRules() == null ? 0 : ch.byRules().added().size() + ch.byRules().resolved().size()
                                + ch.byRules().changed().size());
                counts.put("causes_apart", ch.apart());
            }
            if (row.error() != null) {
                l.put("error", row.error().zh()).put("error_en", row.error().en());
            }
        }
        return body;
    }

    /**
     * How many of a pilot's newest submissions a history answers unless asked for another
     * number: ten years of quarterly reports, so a pilot's whole history in practice.
     */
    static final int HISTORY_LIMIT = 40;

    /** {@code GET /api/v1/pilots/{city}/history}: oldest first, each against the one before. */
    void history(Context ctx) {
        CheckServer.json(ctx, 200, historyJson(historyOf(ctx)));
    }

    /** The history the request asks for, in the caller's scope, or a 404. */
    Pilots.History historyOf(Context ctx) {
        int limit = CheckServer.intParam(ctx, "limit", HISTORY_LIMIT, 1, 500);
        return app.pilots().history(scope(ctx), ctx.pathParam("city"), CheckServer.lang(ctx), limit,
                CheckServer.blankToNull(CheckServer.param(ctx, "cursor"))).orElseThrow(() -> SubmissionRoutes.notFound(ctx));
    }

    /** A pilot's history as the API gives it. */
    static ObjectNode historyJson(Pilots.History history) {
        io.pilotcheck.registry.PilotCity city = history.city();
        ObjectNode body = JSON.createObjectNode().put("city", city.name()).put("city_en", city.nameEn())
                .put("province", city.provinceFull()).put("province_en", city.provinceEn());
        ArrayNode items = body.putArray("submissions");
        for (Pilots.Step step : history.steps()) {
            ObjectNode item = entry(items.addObject(), step.entry());
            if (step.change() == null) {
                item.putNull("change");
            } else {
                Pilots.Change ch = step.change();
                ObjectNode change = change(ch.byCity());
                change.put("verdict_after", ch.byRules() == null ? ch.byCity().verdictNew() : ch.byRules().verdictNew());
                change.put("causes_apart", ch.apart());
                if (ch.byRules() == null) {
                    change.putNull("by_rules");
                } else {
                    change.set("by_rules", change(ch.byRules()));
                }
                item.set("change", change);
            }
        }
        body.put("next_cursor", history.older());
        return body;
    }

    private static ObjectNode entry(ObjectNode node, DossierEntry e) {
        node.put("submission", e.submissionId()).put("received", e.received().toString()).put("submitter", e.submitter())
                .put("source", e.source().id()).put("evaluation", e.evaluationId()).put("file", e.file())
                .put("verdict", e.verdict()).put("as_of", e.asOf() == null ? null : e.asOf().toString())
                .put("rules_fingerprint", e.rulesFingerprint());
        node.putObject("counts").put("violation", e.violations()).put("warning", e.warnings()).put("pending", e.pending())
                .put("error", e.errors()).put("waived", e.waived());
        return node;
    }

    private static ObjectNode change(io.pilotcheck.diff.ReportDiff.DossierDiff diff) {
        ObjectNode node = JSON.createObjectNode().put("verdict_before", diff.verdictOld()).put("verdict_after", diff.verdictNew());
        ArrayNode added = node.putArray("new");
        diff.added().forEach(i -> item(added.addObject(), i));
        ArrayNode resolved = node.putArray("resolved");
        diff.resolved().forEach(i -> item(resolved.addObject(), i));
        ArrayNode changed = node.putArray("changed");
        diff.changed().forEach(c -> {
            ObjectNode pair = changed.addObject();
            item(pair.putObject("before"), c.before());
            item(pair.putObject("after"), c.after());
        });
        return node;
    }

    private static void item(ObjectNode node, io.pilotcheck.diff.ReportDiff.Item i) {
        node.put("rule", i.rule()).put("severity", i.severity()).put("path", i.path()).put("message", i.message())
                .put("line", i.line()).put("waived", i.waived());
    }

}
