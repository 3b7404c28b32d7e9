package io.pilotcheck.serve;

import io.javalin.http.Context;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.Caller;
import io.pilotcheck.app.Reviews;
import io.pilotcheck.app.Role;
import io.pilotcheck.report.ReportWords;
import io.pilotcheck.store.ReviewStore;
import io.pilotcheck.words.Clock;
import io.pilotcheck.words.Language;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The review loop's pages (docs/spec/review.md): a period's pilots and their states, a pilot's
 * review with its findings, decisions, comments and steps, the inbox, and the admin's periods.
 * Each form posts to the application layer's step and comes back to the page it was on.
 */
final class ReviewPages {

    private static final String PILOT = "/periods/{period}/pilots/{city}";

    private final CheckServer server;
    private final Application app;

    ReviewPages(CheckServer server, Application app) {
        this.server = server;
        this.app = app;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/periods/{period}", Role.EVERYONE, this::period),
                Route.get(PILOT, Role.EVERYONE, this::review),
                Route.post(PILOT + "/{action}", Role.EVERYONE, this::act),
                Route.get("/inbox", Role.EVERYONE, this::inbox),
                Route.get("/admin/periods", Role.ADMIN, ctx -> admin(ctx, 200, null, null)),
                Route.post("/admin/periods", Role.ADMIN, this::addPeriod),
                Route.post("/admin/periods/{period}/close", Role.ADMIN, ctx -> {
                    app.periods().close(ctx.pathParam("period"), RouteTable.caller(ctx).name(), server.client(ctx), server.now());
                    admin(ctx, 200, ServeWords.word("period.closedNotice", CheckServer.lang(ctx), "name", ctx.pathParam("period")), null);
                }));
    }

    private ReviewStore.Period known(Context ctx) {
        return app.periods().find(ctx.pathParam("period")).orElseThrow(() -> new ApiError(404, "not_found", "path", ctx.path()));
    }

    static ReviewView.PeriodRow row(ReviewStore.Period p, Language lang) {
        return new ReviewView.PeriodRow(p.name(), PageFrame.path(p.name()), p.due().toString(), p.asOf().toString(),
                p.pilots().isEmpty() ? ServeWords.word("admin.allPilots", lang) : String.join("、", p.pilots()), p.open(),
                p.open() ? "" : Clock.day(p.closedAt()).toString());
    }

    /** {@code GET /periods/{period}}: where each pilot in scope stands, filtered by state. */
    private void period(Context ctx) {
        ReviewStore.Period p = known(ctx);
        Language lang = CheckServer.lang(ctx);
        String state = CheckServer.blankToNull(ctx.queryParam("state"));
        List<Reviews.PilotState> states = app.reviews().states(RouteTable.scope(ctx), p, Clock.day(server.now()));
        List<String> counts = new ArrayList<>();
        for (Reviews.State s : Reviews.State.values()) {
            long n = states.stream().filter(x -> x.state() == s).count();
            if (n > 0) {
                counts.add(ServeWords.word("state." + s.name(), lang) + " " + n);
            }
        }
        List<ReviewView.PilotRow> rows = states.stream().filter(s -> state == null || s.state().name().equals(state)).map(s ->
                new ReviewView.PilotRow(s.city().name(lang), PageFrame.path(s.city().nameEn()), s.city().province(lang), s.state().name(),
                        ServeWords.word("state." + s.state().name(), lang), s.daysOverdue(),
                        s.submissionId() == null ? null : "/submissions/" + s.submissionId(),
                        s.last() == null ? "" : s.last().actor() + " · " + Clock.second(s.last().at()))).toList();
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("period.title", lang, "name", p.name()),
                "/periods/" + PageFrame.path(p.name()) + "?" + PilotRoutes.kept(ctx, "state") + "lang=");
        List<ReviewView.PeriodRow> others = app.periods().list().stream().filter(o -> !o.name().equals(p.name())).map(o -> row(o, lang)).toList();
        CheckServer.page(ctx, Templates.render("period.jte", new ReviewView.Period(page, row(p, lang), rows, others, counts, state,
                Arrays.stream(Reviews.State.values()).map(Enum::name).toList())));
    }

    /** {@code GET /periods/{period}/pilots/{city}}: the pilot's review. */
    private void review(Context ctx) {
        ReviewStore.Period p = known(ctx);
        Language lang = CheckServer.lang(ctx);
        Caller caller = RouteTable.caller(ctx);
        Reviews.Review r = app.reviews().review(caller.scope(), p.name(), ctx.pathParam("city"), Clock.day(server.now()));
        List<ReviewView.Finding> findings = new ArrayList<>();
        for (Reviews.Decided d : r.findings()) {
            String text = d.explicit() == null ? "" : d.explicit().author() + " · " + Clock.second(d.explicit().at())
                    + (d.explicit().reason() == null ? "" : " · " + d.explicit().reason())
                    + (d.explicit().until() == null ? "" : " · " + ServeWords.word("review.untilDay", lang, "day", d.explicit().until()));
            findings.add(new ReviewView.Finding(d.finding().ruleId(), app.pilots().ruleTitle(d.finding().ruleId(), lang),
                    d.finding().severity().id(), ReportWords.severity(d.finding().severity(), lang), d.finding().path(),
                    d.finding().message().in(lang), String.valueOf(d.decided()),
                    d.decided() == null ? "" : ServeWords.word("decision." + d.decided(), lang), text, d.finding().waived()));
        }
        List<ReviewView.Comment> comments = r.comments().stream().map(c -> new ReviewView.Comment(c.author(), Clock.second(c.at()),
                c.ruleId() == null ? "" : c.ruleId() + " " + c.path(), c.body())).toList();
        List<ReviewView.Earlier> earlier = r.earlier().stream().map(e -> new ReviewView.Earlier(e.decision().ruleId(), e.decision().path(),
                e.resolved())).toList();
        String base = "/periods/" + PageFrame.path(p.name()) + "/pilots/" + PageFrame.path(r.state().city().nameEn());
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("review.title", lang, "city", r.state().city().name(lang), "period", p.name()),
                base + "?lang=");
        CheckServer.page(ctx, Templates.render("review.jte", new ReviewView.Review(page, p.name(), "/periods/" + PageFrame.path(p.name()),
                r.state().city().name(lang), r.state().state().name(), ServeWords.word("state." + r.state().state().name(), lang),
                r.state().daysOverdue(), r.submissionId() == null ? null : "/submissions/" + r.submissionId(),
                r.dossier() == null ? "" : r.dossier().file(), findings, earlier, comments, r.openMustFix(), base,
                caller.may(Role.REVIEW), caller.may(Role.SUBMIT), caller.may(Role.ADMIN))));
    }

    /** {@code POST /periods/{period}/pilots/{city}/ACTION}: a step from the review page's forms, then back to the page. */
    private void act(Context ctx) {
        ReviewStore.Period p = known(ctx);
        Caller caller = RouteTable.caller(ctx);
        String city = ctx.pathParam("city");
        String address = server.client(ctx);
        Instant now = server.now();
        switch (ctx.pathParam("action")) {
            case "open" -> app.reviews().open(caller, p.name(), city, address, now);
            case "decide" -> app.reviews().decide(caller, p.name(), city, ctx.formParam("rule"), ctx.formParam("path"), ctx.formParam("kind"),
                    ctx.formParam("reason"), day(ctx, "until"), address, now);
            case "return" -> app.reviews().returnIt(caller, p.name(), city, ctx.formParam("comment"), address, now);
            case "accept" -> app.reviews().accept(caller, p.name(), city, address, now);
            case "withdraw" -> app.reviews().withdraw(caller, p.name(), city, address, now);
            case "reopen" -> app.reviews().reopen(caller, p.name(), city, ctx.formParam("reason"), address, now);
            case "comment" -> app.reviews().comment(caller, p.name(), city, ctx.formParam("rule"), ctx.formParam("path"),
                    ctx.formParam("body"), address, now);
            default -> throw new ApiError(404, "not_found", "path", ctx.path());
        }
        String path = ctx.path();
        ctx.status(303);
        ctx.header("Location", path.substring(0, path.lastIndexOf('/')) + "?lang=" + CheckServer.lang(ctx).code());
    }

    private static LocalDate day(Context ctx, String name) {
        String v = CheckServer.blankToNull(ctx.formParam(name));
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "bad_query", "name", name, "value", v, "expected", ServeWords.word("expected.date", CheckServer.lang(ctx)));
        }
    }

    /** {@code GET /inbox}: the caller's notifications, newest first; seeing them marks them read. */
    private void inbox(Context ctx) {
        Language lang = CheckServer.lang(ctx);
        Caller caller = RouteTable.caller(ctx);
        List<ReviewView.Note> notes = new ArrayList<>();
        for (ReviewStore.Notification n : app.inbox().list(caller)) {
            ReviewStore.Notice x = n.notice();
            String path = x.period() == null || x.city() == null ? null : "/periods/" + PageFrame.path(x.period()) + "/pilots/"
                    + app.pilots().find(io.pilotcheck.registry.Scope.all(), x.city()).map(c -> PageFrame.path(c.nameEn())).orElse(PageFrame.path(x.city()));
            notes.add(new ReviewView.Note(Clock.second(x.at()), ServeWords.word("inbox." + x.kind(), lang, "actor", String.valueOf(x.actor()),
                    "city", String.valueOf(x.city()), "period", String.valueOf(x.period()), "detail", x.detail() == null ? "" : x.detail()),
                    path, n.readAt() == null));
        }
        app.inbox().markRead(caller, server.now());
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("inbox.title", lang), "/inbox?lang=");
        CheckServer.page(ctx, Templates.render("inbox.jte", new ReviewView.Inbox(page, notes)));
    }

    private void admin(Context ctx, int status, String notice, String problem) {
        Language lang = CheckServer.lang(ctx);
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("period.adminTitle", lang), "/admin/periods?lang=");
        ctx.status(status);
        CheckServer.page(ctx, Templates.render("admin-periods.jte", new ReviewView.Admin(page,
                app.periods().list().stream().map(p -> row(p, lang)).toList(), new AdminView.Told(notice, null, problem))));
    }

    private void addPeriod(Context ctx) {
        Language lang = CheckServer.lang(ctx);
        try {
            String pilots = ctx.formParam("pilots");
            ReviewStore.Period p = app.periods().add(ctx.formParam("name"), day(ctx, "due"), day(ctx, "as_of"),
                    pilots == null ? List.of() : Arrays.asList(pilots.split("[,，、\\s]+")), RouteTable.caller(ctx).name(),
                    server.client(ctx), server.now());
            admin(ctx, 201, ServeWords.word("period.addedNotice", lang, "name", p.name(), "due", p.due()), null);
        } catch (io.pilotcheck.app.Accounts.Refused e) {
            admin(ctx, 422, null, ServeWords.word("account." + e.key(), lang, e.values()));
        }
    }
}
