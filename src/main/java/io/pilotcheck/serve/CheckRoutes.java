package io.pilotcheck.serve;

import io.javalin.http.Context;
import io.pilotcheck.app.Checked;
import io.pilotcheck.app.Role;
import io.pilotcheck.catalogue.RuleList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * The check itself: the upload form and what it answers, {@code POST /api/v1/check}, and the
 * rules it checks with ({@code docs/spec/http-api.md}).
 */
final class CheckRoutes {

    private final CheckServer server;
    private final Supplier<ServedRules.State> rules;

    CheckRoutes(CheckServer server, Supplier<ServedRules.State> rules) {
        this.server = server;
        this.rules = rules;
    }

    List<Route> routes() {
        return List.of(
                Route.get(UploadPage.SCRIPT_PATH, Role.PUBLIC, ctx -> CheckServer.respond(ctx,
                        "text/javascript; charset=utf-8", UploadPage.PROGRESS_SCRIPT.getBytes(StandardCharsets.UTF_8))),
                Route.get("/", Role.EVERYONE, ctx -> CheckServer.page(ctx,
                        UploadPage.html(ctx, CheckServer.lang(ctx)))),
                Route.post("/", Role.SUBMIT, this::pageCheck),
                Route.post("/api/v1/check", Role.EVERYONE, this::apiCheck),
                Route.get("/api/v1/rules", Role.EVERYONE, this::rules));
    }

    private void apiCheck(Context ctx) throws IOException {
        Checked c = server.check(ctx, CheckServer.format(ctx, "json"), Instant.now());
        ctx.header("X-Pilotcheck-Exit", String.valueOf(c.exit()));
        CheckServer.respond(ctx, c.format().mediaType(), c.bytes());
    }

    /**
     * The page's form: the same check, answered with the HTML report unless another format was
     * asked for. With a store, the upload is kept as a submission (source {@code page}) and the
     * report opens with links to it in every other format, and to its pages.
     */
    private void pageCheck(Context ctx) throws IOException {
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // "check only": a city tries its dossier before sending it (docs/spec/review.md); nothing is kept
        boolean keep = !"no".equals(CheckServer.param(ctx, "keep"));
        io.pilotcheck.store.ReviewStore.Period period = keep ? server.submissions().period(ctx) : null;
        Checked c = server.check(ctx, CheckServer.format(ctx, "html"), received, period);
        String id = keep ? server.submissions().keepFromPage(ctx, c, received, period) : null;
        ctx.header("X-Pilotcheck-Exit", String.valueOf(c.exit()));
        if (!c.format().name().equals("html")) {
            CheckServer.download(ctx, c.format(), c.bytes());
            return;
        }
        String html = new String(c.bytes(), StandardCharsets.UTF_8);
        // the answer to a form cannot be asked again: the other language is the kept report's page
        PageView page = PageFrame.view(ctx, CheckServer.lang(ctx), "", id == null ? "/?lang=" : "/submissions/" + PageFrame.path(id) + "/report?lang=");
        CheckServer.respond(ctx, c.format().mediaType(), DownloadBar.into(html, page, id,
                io.pilotcheck.words.Clock.day(received), DownloadBar.notes(page, Uploads.skipped(ctx), c.batch()))
                .getBytes(StandardCharsets.UTF_8));
    }

    private void rules(Context ctx) throws IOException {
        // exactly what rules list -f json prints, fingerprint included
        CheckServer.respond(ctx, "application/json; charset=utf-8",
                RuleList.render(rules.get().book(), RuleList.Format.json, CheckServer.lang(ctx)).getBytes(StandardCharsets.UTF_8));
    }
}
