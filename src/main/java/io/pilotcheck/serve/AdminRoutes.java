package io.pilotcheck.serve;

import io.javalin.http.Context;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.AuditLog;
import io.pilotcheck.app.Passwords;
import io.pilotcheck.app.Role;
import io.pilotcheck.app.Tokens;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.store.AccountStore;
import io.pilotcheck.words.Clock;
import io.pilotcheck.words.Language;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The admin's pages (docs/spec/access.md): accounts, tokens and the audit log, doing what
 * {@code pilotcheck users}, {@code tokens} and {@code audit} do, through the same application
 * layer. A password or a token made here is shown once, on the page that made it.
 */
final class AdminRoutes {

    /** The most rows the audit page shows; the CSV holds up to {@link #CSV_ROWS}. */
    static final int PAGE_ROWS = 500;
    static final int CSV_ROWS = 100_000;

    private final CheckServer server;
    private final Application app;
    private final Supplier<ServedRules.State> rules;

    AdminRoutes(CheckServer server, Application app, Supplier<ServedRules.State> rules) {
        this.server = server;
        this.app = app;
        this.rules = rules;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/admin", Role.ADMIN, ctx -> ctx.redirect(PageFrame.base(ctx) + "/admin/accounts?lang=" + CheckServer.lang(ctx).code(), io.javalin.http.HttpStatus.SEE_OTHER)),
                Route.get("/admin/accounts", Role.ADMIN, ctx -> accounts(ctx, 200, null, null, null)),
                Route.post("/admin/accounts", Role.ADMIN, this::addAccount),
                Route.post("/admin/accounts/{name}/disable", Role.ADMIN, ctx -> setActive(ctx, false)),
                Route.post("/admin/accounts/{name}/enable", Role.ADMIN, ctx -> setActive(ctx, true)),
                Route.post("/admin/accounts/{name}/password", Role.ADMIN, this::resetPassword),
                Route.get("/admin/tokens", Role.ADMIN, ctx -> tokens(ctx, 200, null, null, null)),
                Route.post("/admin/tokens", Role.ADMIN, this::addToken),
                Route.post("/admin/tokens/{id}/revoke", Role.ADMIN, this::revokeToken),
                Route.get("/admin/audit", Role.ADMIN, this::audit));
    }

    private String actor(Context ctx) {
        return RouteTable.caller(ctx).name();
    }

    private void accounts(Context ctx, int status, String notice, String secret, String problem) {
        Language lang = CheckServer.lang(ctx);
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("admin.accounts", lang), "/admin/accounts?lang=");
        List<PilotCity> cities = rules.get().book().registry().cities();
        List<String> provinces = cities.stream().map(PilotCity::province).distinct().toList();
        List<AdminView.AccountRow> rows = app.accounts().list().stream().map(a -> new AdminView.AccountRow(a.name(),
                a.displayName() == null ? "" : a.displayName(), a.role(), scope(a, lang), a.active(), Clock.second(a.createdAt()),
                PageFrame.path(a.name()))).toList();
        ctx.status(status);
        CheckServer.page(ctx, Templates.render("admin-accounts.jte", new AdminView.Accounts(page, rows, provinces,
                cities.stream().map(PilotCity::name).toList(), new AdminView.Told(notice, secret, problem))));
    }

    private static String scope(AccountStore.Account a, Language lang) {
        if (a.city() != null) {
            return a.city();
        }
        return a.provinces().isEmpty() ? ServeWords.word("admin.allPilots", lang) : String.join("、", a.provinces());
    }

    private void addAccount(Context ctx) {
        Language lang = CheckServer.lang(ctx);
        String name = CheckServer.blankToNull(ctx.formParam("name"));
        String password = ctx.formParam("password");
        boolean generated = password == null || password.isEmpty();
        String secret = generated ? Passwords.generate() : password;
        try {
            Accounts.AccountRole role = role(ctx.formParam("role"));
            Accounts.contact(name, ctx.formParam("email"), ctx.formParam("mail_lang"));
            app.accounts().add(name, CheckServer.blankToNull(ctx.formParam("display_name")), role,
                    role == Accounts.AccountRole.reviewer ? ctx.formParams("province") : List.of(),
                    role == Accounts.AccountRole.submitter ? CheckServer.blankToNull(ctx.formParam("city")) : null,
                    secret, actor(ctx), server.client(ctx), Instant.now());
            String email = CheckServer.blankToNull(ctx.formParam("email"));
            if (email != null || ctx.formParam("mail_lang") != null) {
                app.accounts().setContact(name, email, ctx.formParam("mail_lang"), actor(ctx), server.client(ctx), Instant.now());
            }
            accounts(ctx, 201, ServeWords.word("admin.added", lang, "name", name), generated ? secret : null, null);
        } catch (Accounts.Refused e) {
            accounts(ctx, 422, null, null, refusal(e, lang));
        }
    }

    private static Accounts.AccountRole role(String named) {
        try {
            return Accounts.AccountRole.valueOf(String.valueOf(named));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "bad_query", "name", "role", "value", String.valueOf(named), "expected", "admin, reviewer, submitter");
        }
    }

    private static String refusal(Accounts.Refused e, Language lang) {
        return ServeWords.word("account." + e.key(), lang, e.values());
    }

    private void setActive(Context ctx, boolean active) {
        Language lang = CheckServer.lang(ctx);
        String name = ctx.pathParam("name");
        if (!active && name.equals(actor(ctx))) {
            accounts(ctx, 422, null, null, ServeWords.word("admin.notYourself", lang));
            return;
        }
        try {
            app.accounts().setActive(name, active, actor(ctx), server.client(ctx), Instant.now());
            accounts(ctx, 200, ServeWords.word(active ? "admin.enabled" : "admin.disabled", lang, "name", name), null, null);
        } catch (Accounts.Refused e) {
            throw new ApiError(404, "not_found", "path", ctx.path());
        }
    }

    private void resetPassword(Context ctx) {
        Language lang = CheckServer.lang(ctx);
        String name = ctx.pathParam("name");
        String made = Passwords.generate();
        try {
            app.accounts().setPassword(name, made, actor(ctx), server.client(ctx), Instant.now());
            accounts(ctx, 200, ServeWords.word("admin.passwordSet", lang, "name", name), made, null);
        } catch (Accounts.Refused e) {
            throw new ApiError(404, "not_found", "path", ctx.path());
        }
    }

    private void tokens(Context ctx, int status, String notice, String secret, String problem) {
        Language lang = CheckServer.lang(ctx);
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("admin.tokens", lang), "/admin/tokens?lang=");
        List<AdminView.TokenRow> rows = app.tokens().list(null).stream().map(t -> new AdminView.TokenRow(t.id(), t.account(),
                t.label(), t.scope(), Clock.second(t.createdAt()), t.lastUsedAt() == null ? "" : Clock.second(t.lastUsedAt()),
                t.revokedAt() == null ? "" : Clock.second(t.revokedAt()))).toList();
        ctx.status(status);
        CheckServer.page(ctx, Templates.render("admin-tokens.jte", new AdminView.Tokens(page, rows,
                app.accounts().list().stream().filter(AccountStore.Account::active).map(AccountStore.Account::name).toList(),
                new AdminView.Told(notice, secret, problem))));
    }

    private void addToken(Context ctx) {
        Language lang = CheckServer.lang(ctx);
        try {
            Tokens.Made made = app.tokens().add(String.valueOf(ctx.formParam("account")), String.valueOf(ctx.formParam("label")),
                    String.valueOf(ctx.formParam("scope")), actor(ctx), server.client(ctx), Instant.now());
            tokens(ctx, 201, ServeWords.word("admin.tokenAdded", lang, "account", made.token().account()), made.secret(), null);
        } catch (Accounts.Refused e) {
            tokens(ctx, 422, null, null, refusal(e, lang));
        }
    }

    private void revokeToken(Context ctx) {
        Language lang = CheckServer.lang(ctx);
        if (!app.tokens().revoke(ctx.pathParam("id"), actor(ctx), server.client(ctx), Instant.now())) {
            throw new ApiError(404, "not_found", "path", ctx.path());
        }
        tokens(ctx, 200, ServeWords.word("admin.tokenRevoked", lang, "id", ctx.pathParam("id")), null, null);
    }

    /** {@code GET /admin/audit}: the log, newest first, filtered; {@code format=csv} downloads what the filter keeps. */
    private void audit(Context ctx) {
        Language lang = CheckServer.lang(ctx);
        AuditLog.Query query = new AuditLog.Query(ctx.queryParam("actor"), ctx.queryParam("action"), ctx.queryParam("object"),
                day(ctx, "from"), day(ctx, "to"));
        AuditLog log = app.auditLog();
        if ("csv".equals(ctx.queryParam("format"))) {
            ctx.header("Content-Disposition", "attachment; filename=\"pilotcheck-audit-" + Clock.day(Instant.now()) + ".csv\"");
            CheckServer.respond(ctx, "text/csv; charset=utf-8",
                    AuditLog.csv(log.oldestFirst(query, CSV_ROWS)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        List<AccountStore.AuditEntry> rows = log.newestFirst(query, PAGE_ROWS + 1);
        String kept = PilotRoutes.kept(ctx, "actor", "action", "object", "from", "to");
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("admin.audit", lang), "/admin/audit?" + kept + "lang=");
        CheckServer.page(ctx, Templates.render("admin-audit.jte", new AdminView.Audit(page,
                rows.stream().limit(PAGE_ROWS).map(e -> new AdminView.AuditRow(Clock.second(e.at()), e.actor(),
                        e.address() == null ? "" : e.address(), e.action(), e.object() == null ? "" : e.object(),
                        e.detail() == null ? "" : e.detail())).toList(),
                rows.size() > PAGE_ROWS, query, log.actions(), "/admin/audit?" + kept + "format=csv", Clock.zoneShown())));
    }

    private static LocalDate day(Context ctx, String name) {
        return CheckServer.day(ctx, name, ctx.queryParam(name));
    }
}
