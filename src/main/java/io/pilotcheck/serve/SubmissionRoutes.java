package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.pilotcheck.api.Check;
import io.pilotcheck.api.ToolVersion;
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
    private final SubmissionStore store;
    private final Supplier<ServedRules.State> rules;

    SubmissionRoutes(CheckServer server, SubmissionStore store, Supplier<ServedRules.State> rules) {
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
        RuleBook book = c.book();
        return s.record(new NewSubmission(received, submitter, source, files, new EvaluationRecord(received,
                EvaluationRecord.SUBMITTED, book.fingerprint(), book.rules().size(), ToolVersion.get(), c.asOf(), c.batch())));
    }

    /** {@code GET /api/v1/submissions/{id}}: the submission and its latest report; {@code ?format=} renders only the report. */
    void submission(Context ctx) throws IOException {
        StoredSubmission kept = store().submission(ctx.pathParam("id"))
                .orElseThrow(() -> new ApiError(404, "not_found", "path", ctx.path()));
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
        body.set("report", JSON.readTree(render(io.pilotcheck.report.ReportFormats.find("json").orElseThrow(), evaluation, context)));
        CheckServer.json(ctx, 200, body);
    }

    /** {@code GET /api/v1/submissions/{id}/files/{path}}: the bytes exactly as received. */
    void file(Context ctx) {
        byte[] bytes = store().file(ctx.pathParam("id"), ctx.pathParam("path"))
                .orElseThrow(() -> new ApiError(404, "not_found", "path", ctx.path()));
        CheckServer.respond(ctx, "application/yaml", bytes);
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
        if (s.length() > 200) {
            throw new ApiError(400, "bad_query", "name", "submitter", "value", s.substring(0, 40) + "…",
                    "expected", ServeWords.word("expected.submitter", CheckServer.lang(ctx)));
        }
        return s;
    }

    /** Why the store does not answer now, or empty when it does (or when there is none to ask). */
    java.util.Optional<String> storeProblem() {
        return store == null ? java.util.Optional.empty() : store.problem();
    }

    /** Where submissions are kept, password hidden, for {@code /readyz}. */
    String storeShown() {
        return store == null ? "none" : store.location().shown();
    }

    private SubmissionStore store() {
        if (store == null) {
            throw new StoreUnavailable("this server keeps no submissions (no store)", null);
        }
        return store;
    }
}
