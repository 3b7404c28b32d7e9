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

    /**
     * {@code GET /periods/{period}}: where each pilot in scope stands — state, verdict and counts,
     * open 须整改, rules violated, what changed since its previous submission — filtered by
     * province, state, verdict, rule and name, beside another period's states when one is chosen;
     * {@code format=xlsx} downloads what is shown.
     */
    private void period(Context ctx) {
        ReviewStore.Period p = known(ctx);
        Language lang = CheckServer.lang(ctx);
        java.time.LocalDate today = Clock.day(server.now());
        String state = CheckServer.blankToNull(ctx.queryParam("state"));
        String province = CheckServer.blankToNull(ctx.queryParam("province"));
        String verdict = CheckServer.blankToNull(ctx.queryParam("verdict"));
        String rule = CheckServer.blankToNull(ctx.queryParam("rule"));
        String search = CheckServer.blankToNull(ctx.queryParam("q"));
        String compare = CheckServer.blankToNull(ctx.queryParam("compare"));
        io.pilotcheck.registry.Scope scope = RouteTable.scope(ctx);
        List<Reviews.Review> reviews = app.reviews().reviews(scope, p, today);
        java.util.Map<String, Reviews.PilotState> other = new java.util.HashMap<>();
        ReviewStore.Period compared = compare == null ? null : app.periods().find(compare).orElse(null);
        if (compared != null) {
            app.reviews().states(scope, compared, today).forEach(x -> other.put(x.city().name(), x));
        }
        List<String> counts = new ArrayList<>();
        for (Reviews.State x : Reviews.State.values()) {
            long n = reviews.stream().filter(r -> r.state().state() == x).count();
            if (n > 0) {
                counts.add(ServeWords.word("state." + x.name(), lang) + " " + n);
            }
        }
        java.util.Set<String> ruleIds = new java.util.TreeSet<>();
        List<ReviewView.PilotRow> rows = new ArrayList<>();
        for (Reviews.Review r : reviews) {
            ReviewView.PilotRow row = row(r, lang, compared == null ? null : other.get(r.state().city().name()));
            row.rules().forEach(x -> ruleIds.add(x.id()));
            if ((state == null || row.state().equals(state)) && (province == null || r.state().city().provinceMatches(province))
                    && (verdict == null || row.verdict().equals(verdict)) && (rule == null || row.rules().stream().anyMatch(x -> x.id().equals(rule)))
                    && (search == null || row.city().contains(search) || row.cityEn().toLowerCase(java.util.Locale.ROOT)
                    .contains(search.toLowerCase(java.util.Locale.ROOT)))) {
                rows.add(row);
            }
        }
        String query = PilotRoutes.kept(ctx, "state", "province", "verdict", "rule", "q", "compare");
        if ("xlsx".equals(ctx.queryParam("format"))) {
            xlsx(ctx, p, rows, lang, compared);
            return;
        }
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("period.title", lang, "name", p.name()),
                "/periods/" + PageFrame.path(p.name()) + "?" + query + "lang=");
        List<ReviewView.PeriodRow> others = app.periods().list().stream().filter(o -> !o.name().equals(p.name())).map(o -> row(o, lang)).toList();
        List<ReviewView.Option> states = new ArrayList<>(List.of(new ReviewView.Option("", ServeWords.word("period.allStates", lang), state == null)));
        Arrays.stream(Reviews.State.values()).forEach(x -> states.add(new ReviewView.Option(x.name(), ServeWords.word("state." + x.name(), lang),
                x.name().equals(state))));
        List<ReviewView.Option> provinces = new ArrayList<>(List.of(new ReviewView.Option("", ServeWords.word("period.allProvinces", lang),
                province == null)));
        reviews.stream().map(r -> r.state().city()).map(c -> c.province(lang)).distinct()
                .forEach(x -> provinces.add(new ReviewView.Option(x, x, x.equals(province))));
        List<ReviewView.Option> verdicts = new ArrayList<>(List.of(new ReviewView.Option("", ServeWords.word("period.allVerdicts", lang),
                verdict == null)));
        for (String v : List.of("compliant", "non_compliant", "error")) {
            verdicts.add(new ReviewView.Option(v, ServeWords.word("verdict." + v, lang), v.equals(verdict)));
        }
        List<ReviewView.Option> rules = new ArrayList<>(List.of(new ReviewView.Option("", ServeWords.word("period.allRules", lang), rule == null)));
        ruleIds.forEach(x -> rules.add(new ReviewView.Option(x, x + " " + app.pilots().ruleTitle(x, lang), x.equals(rule))));
        List<ReviewView.Option> compares = new ArrayList<>(List.of(new ReviewView.Option("", ServeWords.word("period.noCompare", lang),
                compared == null)));
        others.forEach(o -> compares.add(new ReviewView.Option(o.name(), o.name(), compared != null && o.name().equals(compared.name()))));
        boolean filtered = state != null || province != null || verdict != null || rule != null || search != null;
        CheckServer.page(ctx, Templates.render("period.jte", new ReviewView.Period(page, row(p, lang), rows, others, counts, states, provinces,
                verdicts, rules, compares, search == null ? "" : search, compared == null ? null : compared.name(), query, filtered)));
    }

    private ReviewView.PilotRow row(Reviews.Review r, Language lang, Reviews.PilotState compared) {
        Reviews.PilotState s = r.state();
        io.pilotcheck.finding.DossierResult d = r.dossier();
        int[] n = new int[4];
        java.util.LinkedHashSet<String> violated = new java.util.LinkedHashSet<>();
        if (d != null) {
            for (io.pilotcheck.finding.Finding f : d.findings()) {
                if (f.waived()) {
                    continue;
                }
                switch (f.severity()) {
                    case VIOLATION -> {
                        n[0]++;
                        violated.add(f.ruleId());
                    }
                    case WARNING -> n[1]++;
                    case PENDING -> n[2]++;
                    case ERROR -> n[3]++;
                    default -> { }
                }
            }
        }
        String since = r.since() == null ? "" : ServeWords.word("period.since", lang, "added", r.since().added(), "resolved", r.since().resolved())
                + (r.since().byRules() ? " " + ServeWords.word("period.byRules", lang) : "");
        return new ReviewView.PilotRow(s.city().name(lang), s.city().nameEn(), PageFrame.path(s.city().nameEn()), s.city().province(lang),
                s.state().name(), ServeWords.word("state." + s.state().name(), lang), s.daysOverdue(),
                s.submissionId() == null ? null : "/submissions/" + s.submissionId(),
                s.last() == null ? "" : s.last().actor() + " · " + Clock.second(s.last().at()), d == null ? "" : d.verdict().id(),
                n[0], n[1], n[2], n[3], r.openMustFix(),
                violated.stream().map(id -> new ReviewView.Rule(id, app.pilots().ruleTitle(id, lang))).toList(), since,
                r.since() != null && (r.since().added() > 0 || r.since().resolved() > 0),
                compared == null ? null : ServeWords.word("state." + compared.state().name(), lang));
    }

    /** What the period's page shows, as a workbook. */
    private void xlsx(Context ctx, ReviewStore.Period p, List<ReviewView.PilotRow> rows, Language lang, ReviewStore.Period compared) {
        List<String> header = new ArrayList<>(List.of(ServeWords.word("dash.pilot", lang), ServeWords.word("period.province", lang),
                ServeWords.word("period.state", lang), ServeWords.word("period.overdueDays", lang), ServeWords.word("dash.verdict", lang),
                ServeWords.word("dash.violations", lang), ServeWords.word("dash.warnings", lang), ServeWords.word("dash.pending", lang),
                ServeWords.word("dash.errors", lang), ServeWords.word("period.openMustFix", lang), ServeWords.word("period.rules", lang),
                ServeWords.word("period.sinceHeader", lang), ServeWords.word("period.lastStep", lang)));
        if (compared != null) {
            header.add(compared.name());
        }
        List<List<String>> cells = new ArrayList<>();
        for (ReviewView.PilotRow r : rows) {
            List<String> c = new ArrayList<>(List.of(r.city(), r.province(), r.stateShown(), r.daysOverdue() > 0 ? String.valueOf(r.daysOverdue()) : "",
                    r.verdict().isEmpty() ? "" : ServeWords.word("verdict." + r.verdict(), lang), String.valueOf(r.violations()),
                    String.valueOf(r.warnings()), String.valueOf(r.pending()), String.valueOf(r.errors()), String.valueOf(r.openMustFix()),
                    String.join("; ", r.rules().stream().map(x -> x.id() + " " + x.title()).toList()), r.since(), r.lastStep()));
            if (compared != null) {
                c.add(r.compareShown() == null ? "" : r.compareShown());
            }
            cells.add(c);
        }
        ctx.header("Content-Disposition", "attachment; filename=\"pilotcheck-period-" + Clock.day(server.now()) + ".xlsx\"");
        CheckServer.respond(ctx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                io.pilotcheck.report.TableXlsx.render(p.name(), header, cells));
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
                caller.may(Role.REVIEW), caller.may(Role.SUBMIT), caller.may(Role.ADMIN),
                "/pilots/" + PageFrame.path(r.state().city().nameEn()) + "/edit")));
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
        return CheckServer.day(ctx, name, ctx.formParam(name));
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
