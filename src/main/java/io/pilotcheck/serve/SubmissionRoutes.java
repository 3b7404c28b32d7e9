package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.pilotcheck.api.Check;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.Language;
import io.pilotcheck.report.ReportContext;
import io.pilotcheck.report.ReportFormat;
import io.pilotcheck.report.ReportHeader;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.NewSubmission;
import io.pilotcheck.store.Source;
import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.StoredSubmission;
import io.pilotcheck.store.SubmissionStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The routes that keep submissions ({@code docs/spec/http-api.md}, "Keeping submissions"): a
 * submission is checked as {@code /api/v1/check} checks, then stored in one transaction, and only
 * then answered 201. What is kept is read back and rendered in any format.
 */
final class SubmissionRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CheckServer server;
    private final Supplier<SubmissionStore> store;
    private final Supplier<ServedRules.State> rules;

    SubmissionRoutes(CheckServer server, Supplier<SubmissionStore> store, Supplier<ServedRules.State> rules) {
        this.server = server;
        this.store = store;
        this.rules = rules;
    }

    /** {@code POST /api/v1/submissions}. */
    void submit(Context ctx) throws IOException {
        SubmissionStore s = store();
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // the answer embeds the JSON report, whatever format the query names
        CheckServer.Checked c = server.check(ctx, io.pilotcheck.report.ReportFormats.find("json").orElseThrow(), received);
        String id = keep(s, c, received, submitter(ctx), Source.API);
        ObjectNode body = JSON.createObjectNode().put("id", id).put("received", received.toString());
        body.set("report", JSON.readTree(c.bytes()));
        ctx.header("Location", "/api/v1/submissions/" + id);
        ctx.header("X-Pilotcheck-Exit", String.valueOf(c.exit()));
        CheckServer.json(ctx, 201, body);
    }

    /** Stores a checked upload; returns its id once the transaction has committed. */
    String keep(SubmissionStore s, CheckServer.Checked c, Instant received, String submitter, Source source) {
        List<NewSubmission.SubmittedFile> files = new ArrayList<>();
        for (DossierInput input : c.inputs()) {
            if (input instanceof DossierInput.Bytes b) {
                files.add(new NewSubmission.SubmittedFile(b.name(), b.bytes()));
            }
        }
        return s.record(new NewSubmission(received, submitter, source, files,
                EvaluationRecord.of(received, EvaluationRecord.SUBMITTED, c.book(), c.asOf(), c.batch())));
    }

    /** Keeps an upload from the page (source {@code page}); its id, or null when this server keeps nothing. */
    String keepFromPage(Context ctx, CheckServer.Checked c, Instant received) {
        SubmissionStore s = store.get();
        return s == null ? null : keep(s, c, received, submitter(ctx), Source.PAGE);
    }

    /** {@code GET /submissions/{id}/NAME.EXT}: a kept submission's latest report as a download, in the format its extension names. */
    void download(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ReportFormat format = io.pilotcheck.report.ReportFormats.names().stream()
                .map(n -> io.pilotcheck.report.ReportFormats.find(n).orElseThrow())
                .filter(f -> f.extension().equals(extension)).findFirst()
                .orElseThrow(() -> new ApiError(404, "not_found", "path", ctx.path()));
        StoredSubmission kept = kept(ctx);
        EvaluationRecord evaluation = store().evaluation(kept.latest().id()).orElseThrow();
        byte[] bytes = render(format, evaluation, context(evaluation, CheckServer.lang(ctx), ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        CheckServer.respond(ctx, format.mediaType(), bytes);
    }

    /** {@code GET /api/v1/submissions/{id}}: the submission and its latest report; {@code ?format=} renders only the report. */
    void submission(Context ctx) throws IOException {
        StoredSubmission kept = kept(ctx);
        String evaluationId = CheckServer.param(ctx, "evaluation");
        StoredSubmission.Evaluation chosen = evaluationId == null || evaluationId.isBlank() ? kept.latest()
                : kept.evaluations().stream().filter(e -> e.id().equals(evaluationId)).findFirst()
                        .orElseThrow(() -> new ApiError(404, "not_found", "path", ctx.path() + "?evaluation=" + evaluationId));
        EvaluationRecord evaluation = store().evaluation(chosen.id()).orElseThrow();
        String formatName = CheckServer.param(ctx, "format");
        ReportContext context = context(evaluation, CheckServer.lang(ctx), ctx);
        if (formatName != null && !formatName.isBlank()) {
            ReportFormat format = CheckServer.format(ctx, "json");
            CheckServer.respond(ctx, format.mediaType(), render(format, evaluation, context));
            return;
        }
        ObjectNode body = submissionJson(kept);
        body.set("report", JSON.readTree(render(io.pilotcheck.report.ReportFormats.find("json").orElseThrow(), evaluation, context)));
        CheckServer.json(ctx, 200, body);
    }

    /** A kept submission without its report: who, when, its files and its evaluations. */
    static ObjectNode submissionJson(StoredSubmission kept) {
        ObjectNode body = JSON.createObjectNode().put("id", kept.id()).put("received", kept.received().toString());
        body.put("submitter", kept.submitter()).put("source", kept.source().id());
        ArrayNode files = body.putArray("files");
        kept.files().forEach(f -> files.addObject().put("name", f.name()).put("sha256", f.sha256()).put("size", f.size()));
        ArrayNode evaluations = body.putArray("evaluations");
        for (StoredSubmission.Evaluation e : kept.evaluations()) {
            evaluations.addObject().put("id", e.id()).put("evaluated", e.evaluatedAt().toString()).put("reason", e.reason())
                    .put("rules_fingerprint", e.rulesFingerprint()).put("tool_version", e.toolVersion())
                    .put("as_of", e.asOf() == null ? null : e.asOf().toString());
        }
        return body;
    }

    /** The kept submission the path names, or a 404. */
    StoredSubmission kept(Context ctx) {
        return store().submission(ctx.pathParam("id")).orElseThrow(() -> new ApiError(404, "not_found", "path", ctx.path()));
    }

    /** {@code GET /submissions/{id}/report}: the latest report as a page, under the links to the rest. */
    void reportPage(Context ctx) throws IOException {
        StoredSubmission kept = kept(ctx);
        EvaluationRecord evaluation = store().evaluation(kept.latest().id()).orElseThrow();
        Language lang = CheckServer.lang(ctx);
        byte[] html = render(io.pilotcheck.report.ReportFormats.find("html").orElseThrow(), evaluation, context(evaluation, lang, ctx));
        CheckServer.respond(ctx, "text/html; charset=utf-8", DownloadBar.into(new String(html, java.nio.charset.StandardCharsets.UTF_8),
                kept.id(), lang, LocalDate.ofInstant(kept.received(), ZoneId.systemDefault())).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@code GET /api/v1/submissions/{id}/files/{path}}: the bytes exactly as received. */
    void file(Context ctx) {
        byte[] bytes = store().file(ctx.pathParam("id"), ctx.pathParam("path"))
                .orElseThrow(() -> new ApiError(404, "not_found", "path", ctx.path()));
        CheckServer.respond(ctx, "application/yaml", bytes);
    }

    /** {@code GET /api/v1/submissions}: newest first, filtered, a page at a time ({@code cursor} is the last id seen). */
    void list(Context ctx) {
        int limit = intParam(ctx, "limit", 50, 1, 500);
        String city = blankToNull(CheckServer.param(ctx, "city"));
        if (city != null) {
            city = rules.get().book().registry().find(city).map(io.pilotcheck.registry.PilotCity::name).orElse(city);
        }
        String since = blankToNull(CheckServer.param(ctx, "since"));
        Instant from;
        try {
            from = since == null ? null : LocalDate.parse(since).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new ApiError(400, "bad_query", "name", "since", "value", since, "expected",
                    ServeWords.word("expected.date", CheckServer.lang(ctx)));
        }
        List<SubmissionStore.Listed> page = store().submissions(city, blankToNull(CheckServer.param(ctx, "province")),
                from, limit, blankToNull(CheckServer.param(ctx, "cursor")));
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

    /** {@code POST /api/v1/recheck}: each pilot's latest submission checked under older rules, re-checked under the current ones. */
    void recheck(Context ctx) {
        RuleBook book = rules.get().book();
        SubmissionStore s = store();
        List<String> done = server.withinLimits(ctx, () -> io.pilotcheck.store.Recheck.latestUnderOlderRules(s, book));
        ObjectNode body = JSON.createObjectNode().put("rules_fingerprint", book.fingerprint()).put("rechecked", done.size());
        done.forEach(body.putArray("submissions")::add);
        CheckServer.json(ctx, 200, body);
    }

    /** The dashboard's button: re-checks as the API does, then shows the dashboard again. */
    void recheckFromPage(Context ctx) {
        SubmissionStore s = store();
        RuleBook book = rules.get().book();
        server.withinLimits(ctx, () -> io.pilotcheck.store.Recheck.latestUnderOlderRules(s, book));
        ctx.redirect("/pilots?lang=" + PageFrame.code(CheckServer.lang(ctx)), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** {@code GET /api/v1/pilots}: the 45 pilots in annex order, each with its latest dossier. */
    void pilots(Context ctx) {
        CheckServer.json(ctx, 200, pilotsJson());
    }

    /** The pilots and their latest dossiers, for the API and the dashboard alike. */
    ObjectNode pilotsJson() {
        RuleBook book = rules.get().book();
        List<io.pilotcheck.registry.PilotCity> cities = book.registry().cities();
        java.util.Map<String, io.pilotcheck.store.DossierEntry> latest = store().latest(
                cities.stream().map(io.pilotcheck.registry.PilotCity::name).toList());
        ObjectNode body = JSON.createObjectNode().put("rules_fingerprint", book.fingerprint());
        ArrayNode pilots = body.putArray("pilots");
        java.util.Map<io.pilotcheck.store.DossierEntry, List<String>> violated =
                store().rules(latest.values(), io.pilotcheck.finding.Severity.VIOLATION);
        for (io.pilotcheck.registry.PilotCity c : cities) {
            ObjectNode p = pilots.addObject().put("number", c.number()).put("city", c.name()).put("city_en", c.nameEn())
                    .put("province", c.provinceFull()).put("province_en", c.provinceEn()).put("starred", c.starred());
            io.pilotcheck.store.DossierEntry e = latest.get(c.name());
            if (e == null) {
                p.putNull("latest");
                continue;
            }
            ObjectNode l = entry(p.putObject("latest"), e);
            l.put("current_rules", e.rulesFingerprint().equals(book.fingerprint()));
            violated.get(e).forEach(l.putArray("violated_rules")::add);
        }
        return body;
    }

    /**
     * How many of a pilot's newest submissions a history answers unless asked for another
     * number: ten years of quarterly reports, so a pilot's whole history in practice.
     */
    static final int HISTORY_LIMIT = 40;

    /** {@code GET /api/v1/pilots/{city}/history}: oldest first, each against the one before. */
    void history(Context ctx) throws IOException {
        CheckServer.json(ctx, 200, historyJson(ctx));
    }

    /** A pilot's history, for the API and the pilot's page alike. */
    ObjectNode historyJson(Context ctx) throws IOException {
        RuleBook book = rules.get().book();
        io.pilotcheck.registry.PilotCity city = book.registry().find(ctx.pathParam("city"))
                .orElseThrow(() -> new ApiError(404, "not_found", "path", ctx.path()));
        ObjectNode body = JSON.createObjectNode().put("city", city.name()).put("city_en", city.nameEn())
                .put("province", city.provinceFull()).put("province_en", city.provinceEn());
        int limit = intParam(ctx, "limit", HISTORY_LIMIT, 1, 500);
        io.pilotcheck.store.PilotHistory.Page page = io.pilotcheck.store.PilotHistory.of(store(), book, city.name(),
                CheckServer.lang(ctx), limit, blankToNull(CheckServer.param(ctx, "cursor")));
        ArrayNode items = body.putArray("submissions");
        for (io.pilotcheck.store.PilotHistory.Step step : page.steps()) {
            ObjectNode item = entry(items.addObject(), step.entry());
            if (step.change() == null) {
                item.putNull("change");
            } else {
                item.set("change", change(step.change()));
            }
        }
        body.put("next_cursor", page.older());
        return body;
    }

    private static ObjectNode entry(ObjectNode node, io.pilotcheck.store.DossierEntry e) {
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

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String v = blankToNull(CheckServer.param(ctx, name));
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiError(400, "bad_query", "name", name, "value", v, "expected",
                ServeWords.word("expected.range", CheckServer.lang(ctx), "min", min, "max", max));
    }

    /** The context a kept evaluation's report is written in: as it was made, in the language asked for. */
    private ReportContext context(EvaluationRecord e, Language lang, Context ctx) {
        return Check.reportContext(rules.get().book(),
                ReportHeader.of(LocalDate.ofInstant(e.evaluatedAt(), ZoneId.systemDefault()), e.asOf()), lang,
                CheckServer.failOn(ctx), e.toolVersion(), e.ruleCount(), e.rulesFingerprint());
    }

    private static byte[] render(ReportFormat format, EvaluationRecord e, ReportContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(e.batch(), context, out);
        return out.toByteArray();
    }

    private static String submitter(Context ctx) {
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

    /** Why the store does not answer now, or empty when it does (or when there is none to ask). */
    java.util.Optional<String> storeProblem() {
        SubmissionStore s = store.get();
        // /readyz answers within a second whatever the database does
        return s == null ? java.util.Optional.empty() : s.problem(java.time.Duration.ofMillis(800));
    }

    /** Where submissions are kept, password hidden, for {@code /readyz}. */
    String storeShown() {
        SubmissionStore s = store.get();
        return s == null ? "none" : s.location().shown();
    }

    private SubmissionStore store() {
        SubmissionStore s = store.get();
        if (s == null) {
            throw new StoreUnavailable("this server keeps no submissions (no store)", null);
        }
        return s;
    }
}
