package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.Checked;
import io.pilotcheck.app.Role;
import io.pilotcheck.words.Language;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.report.ReportFormat;
import io.pilotcheck.report.ReportFormats;
import io.pilotcheck.store.Source;
import io.pilotcheck.store.StoredSubmission;
import io.pilotcheck.store.SubmissionStore;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The routes that keep submissions ({@code docs/spec/http-api.md}, "Keeping submissions"): a
 * submission is checked as {@code /api/v1/check} checks, then stored in one transaction, and only
 * then answered 201. What is kept is read back and rendered in any format. Everything is asked of
 * the application layer, in the caller's scope; this class maps requests to it and its answers
 * to the contract's JSON.
 */
final class SubmissionRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CheckServer server;
    private final Application app;

    SubmissionRoutes(CheckServer server, Application app) {
        this.server = server;
        this.app = app;
    }

    private static Scope scope(Context ctx) {
        return RouteTable.scope(ctx);
    }

    List<Route> routes() {
        return List.of(
                Route.post("/api/v1/submissions", Role.SUBMIT, this::submit),
                Route.get("/api/v1/submissions", Role.EVERYONE, this::list),
                Route.get("/api/v1/submissions/{id}", Role.EVERYONE, this::submission),
                Route.get("/api/v1/submissions/{id}/files/<path>", Role.EVERYONE, this::file),
                Route.get("/submissions/{id}/report", Role.EVERYONE, this::reportPage),
                Route.get("/submissions/{id}/{file}", Role.EVERYONE, this::download),
                Route.get("/submissions/{id}", Role.EVERYONE, this::page));
    }

    /** {@code GET /submissions/{id}}: the submission's page. */
    private void page(Context ctx) {
        StoredSubmission s = kept(ctx);
        Language lang = CheckServer.lang(ctx);
        java.util.List<io.pilotcheck.finding.DossierResult> dossiers = app.submissions().dossiers(scope(ctx), s.id());
        java.util.Set<String> cities = new java.util.LinkedHashSet<>();
        dossiers.forEach(d -> {
            if (d.city(lang) != null) {
                cities.add(d.city(lang));
            }
        });
        String who = cities.isEmpty() ? ServeWords.word("submission.noCity", lang) : cities.size() <= 3
                ? String.join(ServeWords.word("listSeparator", lang), cities)
                : ServeWords.word("submission.pilots", lang, "count", cities.size());
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("submission.title", lang, "pilots", who,
                "time", io.pilotcheck.words.Clock.second(s.received()).substring(0, 16)), "/submissions/" + PageFrame.path(s.id()) + "?lang=");
        CheckServer.page(ctx, StorePages.submission(page, s, dossiers));
    }

    /** {@code POST /api/v1/submissions}. */
    void submit(Context ctx) throws IOException {
        app.requireStore(); // no store: 503 before the upload is read
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // the answer embeds the JSON report, whatever format the query names
        io.pilotcheck.store.ReviewStore.Period period = period(ctx);
        Checked c = server.check(ctx, ReportFormats.find("json").orElseThrow(), received, period);
        inScope(ctx, c);
        String id = app.submissions().keep(c, received, submitter(ctx), Source.API, RouteTable.caller(ctx).name(), server.client(ctx),
                period);
        ObjectNode body = JSON.createObjectNode().put("id", id).put("received", received.toString());
        body.set("report", JSON.readTree(c.bytes()));
        skipped(body, ctx);
        ctx.header("Location", "/api/v1/submissions/" + id);
        ctx.header("X-Pilotcheck-Exit", String.valueOf(c.exit()));
        CheckServer.json(ctx, 201, body);
    }

    /** The files of the upload that were not checked, each with why, in both languages. */
    static void skipped(ObjectNode body, Context ctx) {
        ArrayNode skipped = body.putArray("skipped");
        for (Uploads.Skipped s : Uploads.skipped(ctx)) {
            skipped.addObject().put("name", s.name()).put("reason", s.reason().substring("skip.".length()))
                    .put("message_zh", ServeWords.word(s.reason(), Language.ZH)).put("message_en", ServeWords.word(s.reason(), Language.EN));
        }
    }

    /** Keeps an upload from the page (source {@code page}) for {@code period}; its id, or null when this server keeps nothing. */
    String keepFromPage(Context ctx, Checked c, Instant received, io.pilotcheck.store.ReviewStore.Period period) {
        if (!app.keepsSubmissions()) {
            return null;
        }
        inScope(ctx, c);
        return app.submissions().keep(c, received, submitter(ctx), Source.PAGE, RouteTable.caller(ctx).name(), server.client(ctx),
                period);
    }

    /**
     * The period a submission is sent for: the one {@code period} names ({@code none}: no period),
     * else, in shared mode, the open period opened last; on the desktop, none.
     */
    io.pilotcheck.store.ReviewStore.Period period(Context ctx) {
        if (!app.keepsSubmissions()) {
            return null;
        }
        String named = CheckServer.blankToNull(CheckServer.param(ctx, "period"));
        if (named == null) {
            return RouteTable.caller(ctx).account() ? app.periods().current().orElse(null) : null;
        }
        if (named.equals(io.pilotcheck.app.Periods.NONE)) {
            return null;
        }
        return app.periods().find(named).orElseThrow(() -> new ApiError(422, "period_unknown", "period", UploadNames.shown(named)));
    }

    /**
     * Refuses, whole, an upload holding a dossier of a pilot outside the caller's scope (a
     * submitter's for another city): 422 {@code out_of_scope}, naming the file and the city.
     */
    private void inScope(Context ctx, Checked c) {
        app.submissions().outOfScope(RouteTable.scope(ctx), c).ifPresent(d -> {
            String english = server.rules().book().registry().find(d.city()).map(io.pilotcheck.registry.PilotCity::nameEn).orElse(d.city());
            throw new ApiError(422, "out_of_scope", "file", d.file(), "city", d.city(), "city_en", english);
        });
    }

    /** {@code GET /submissions/{id}/NAME.EXT}: a kept submission's latest report as a download, in the format its extension names. */
    void download(Context ctx) {
        String file = ctx.pathParam("file");
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ReportFormat format = ReportFormats.names().stream().map(n -> ReportFormats.find(n).orElseThrow())
                .filter(f -> f.extension().equals(extension)).findFirst()
                .orElseThrow(() -> new ApiError(404, "not_found", "path", ctx.path()));
        byte[] bytes = app.submissions().report(scope(ctx), ctx.pathParam("id"), null, format, CheckServer.lang(ctx),
                CheckServer.failOn(ctx)).orElseThrow(() -> notFound(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        CheckServer.respond(ctx, format.mediaType(), bytes);
    }

    /** {@code GET /api/v1/submissions/{id}}: the submission and its latest report; {@code ?format=} renders only the report. */
    void submission(Context ctx) throws IOException {
        StoredSubmission kept = kept(ctx);
        String asked = CheckServer.param(ctx, "evaluation");
        String evaluationId = asked == null || asked.isBlank() ? null : asked;
        String formatName = CheckServer.param(ctx, "format");
        boolean only = formatName != null && !formatName.isBlank();
        ReportFormat format = only ? CheckServer.format(ctx, "json") : ReportFormats.find("json").orElseThrow();
        byte[] report = app.submissions().report(scope(ctx), kept.id(), evaluationId, format, CheckServer.lang(ctx),
                CheckServer.failOn(ctx)).orElseThrow(() -> new ApiError(404, "not_found", "path",
                ctx.path() + "?evaluation=" + evaluationId));
        if (only) {
            CheckServer.respond(ctx, format.mediaType(), report);
            return;
        }
        ObjectNode body = submissionJson(kept);
        body.set("report", JSON.readTree(report));
        CheckServer.json(ctx, 200, body);
    }

    /** A kept submission without its report: who, when, its files and its evaluations. */
    static ObjectNode submissionJson(StoredSubmission kept) {
        ObjectNode body = JSON.createObjectNode().put("id", kept.id()).put("received", kept.received().toString());
        body.put("submitter", kept.submitter()).put("source", kept.source().id());
        ArrayNode files = body.putArray("files");
        kept.files().forEach(f -> {
            ObjectNode file = files.addObject().put("name", f.name()).put("sha256", f.sha256()).put("size", f.size());
            if (f.formSha256() != null) {
                file.put("yaml_form_sha256", f.formSha256()); // the YAML it was read as: files/{name}?form=yaml
            }
        });
        ArrayNode evaluations = body.putArray("evaluations");
        for (StoredSubmission.Evaluation e : kept.evaluations()) {
            evaluations.addObject().put("id", e.id()).put("evaluated", e.evaluatedAt().toString()).put("reason", e.reason())
                    .put("rules_fingerprint", e.rulesFingerprint()).put("tool_version", e.toolVersion())
                    .put("as_of", e.asOf() == null ? null : e.asOf().toString());
        }
        return body;
    }

    /** The kept submission the path names, in the caller's scope, or a 404. */
    StoredSubmission kept(Context ctx) {
        return app.submissions().find(scope(ctx), ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
    }

    static ApiError notFound(Context ctx) {
        return new ApiError(404, "not_found", "path", ctx.path());
    }

    /** {@code GET /submissions/{id}/report}: the latest report as a page, under the links to the rest. */
    void reportPage(Context ctx) {
        StoredSubmission kept = kept(ctx);
        Language lang = CheckServer.lang(ctx);
        byte[] html = app.submissions().report(scope(ctx), kept.id(), null, ReportFormats.find("html").orElseThrow(), lang,
                CheckServer.failOn(ctx)).orElseThrow(() -> notFound(ctx));
        PageView page = PageFrame.view(ctx, lang, "", "/submissions/" + PageFrame.path(kept.id()) + "/report?lang=");
        CheckServer.respond(ctx, "text/html; charset=utf-8", DownloadBar.into(new String(html, java.nio.charset.StandardCharsets.UTF_8),
                page, kept.id(), io.pilotcheck.words.Clock.day(kept.received())).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * {@code GET /api/v1/submissions/{id}/files/{path}}: the bytes exactly as received; with
     * {@code form=yaml}, the YAML a workbook was read as (404 for a YAML file, which is its own).
     */
    void file(Context ctx) {
        String path = ctx.pathParam("path");
        if ("yaml".equals(CheckServer.param(ctx, "form"))) {
            CheckServer.respond(ctx, "application/yaml", app.submissions().form(scope(ctx), ctx.pathParam("id"), path)
                    .orElseThrow(() -> notFound(ctx)));
            return;
        }
        byte[] bytes = app.submissions().file(scope(ctx), ctx.pathParam("id"), path).orElseThrow(() -> notFound(ctx));
        boolean workbook = path.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
        CheckServer.respond(ctx, workbook ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/yaml", bytes);
    }

    /** {@code GET /api/v1/submissions}: newest first, filtered, a page at a time ({@code cursor} is the last id seen). */
    void list(Context ctx) {
        int limit = CheckServer.intParam(ctx, "limit", 50, 1, 500);
        String since = CheckServer.blankToNull(CheckServer.param(ctx, "since"));
        Instant from;
        try {
            from = since == null ? null : LocalDate.parse(since).atStartOfDay(io.pilotcheck.words.Clock.zone()).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new ApiError(400, "bad_query", "name", "since", "value", since, "expected",
                    ServeWords.word("expected.date", CheckServer.lang(ctx)));
        }
        List<SubmissionStore.Listed> page = app.submissions().list(scope(ctx), new SubmissionStore.Query(
                CheckServer.blankToNull(CheckServer.param(ctx, "city")), CheckServer.blankToNull(CheckServer.param(ctx, "province")), from, limit,
                CheckServer.blankToNull(CheckServer.param(ctx, "cursor"))));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("submissions");
        for (SubmissionStore.Listed l : page) {
            ObjectNode item = items.addObject().put("id", l.id()).put("received", l.received().toString())
                    .put("submitter", l.submitter()).put("source", l.source().id());
            l.cities().forEach(item.putArray("cities")::add);
            ObjectNode verdicts = item.putObject("verdicts");
            l.verdicts().forEach(verdicts::put);
        }
        body.put("next_cursor", page.size() == limit ? page.get(page.size() - 1).id() : null);
        CheckServer.json(ctx, 200, body);
    }

    /**
     * Who a submission is from: in shared mode the signed-in account, whatever the request says;
     * on the desktop, the {@code submitter} the request names, if any.
     */
    private static String submitter(Context ctx) {
        if (RouteTable.caller(ctx).account()) {
            return RouteTable.caller(ctx).name();
        }
        String v = CheckServer.param(ctx, "submitter");
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        if (s.length() > 200 || UploadNames.hasControlCharacter(s)) {
            throw new ApiError(400, "bad_query", "name", "submitter", "value", UploadNames.shown(s.length() > 40 ? s.substring(0, 40) + "…" : s),
                    "expected", ServeWords.word("expected.submitter", CheckServer.lang(ctx)));
        }
        return s;
    }
}
