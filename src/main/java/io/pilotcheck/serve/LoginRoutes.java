package io.pilotcheck.serve;

import io.javalin.http.Context;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.Logins;
import io.pilotcheck.app.Role;
import io.pilotcheck.words.Language;

import java.time.Instant;
import java.util.List;

/**
 * Signing in and out of a shared service (docs/spec/access.md, "Browser sessions"): the login
 * page, the form it posts, and logout. The session cookie is {@code HttpOnly},
 * {@code SameSite=Lax}, and {@code Secure} whenever the request came over TLS.
 */
final class LoginRoutes {

    private final CheckServer server;
    private final Application app;

    LoginRoutes(CheckServer server, Application app) {
        this.server = server;
        this.app = app;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/login", Role.PUBLIC, ctx -> page(ctx, next(ctx.queryParam("next")), false, "")),
                Route.post("/login", Role.PUBLIC, this::login),
                Route.post("/logout", Role.EVERYONE, this::logout));
    }

    private void page(Context ctx, String next, boolean failed, String name) {
        Language lang = CheckServer.lang(ctx);
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("login.title", lang), "/login?lang=");
        if (failed) {
            ctx.status(401);
        }
        CheckServer.page(ctx, Templates.render("login.jte", new LoginView(page, next, failed, name)));
    }

    private void login(Context ctx) {
        String name = ctx.formParam("name");
        String next = next(ctx.formParam("next"));
        try {
            Logins.Begun begun = app.logins().login(name, ctx.formParam("password"), server.client(ctx), Instant.now());
            ctx.header("Set-Cookie", cookie(ctx, begun.cookie(), false));
            ctx.status(303);
            ctx.header("Location", PageFrame.base(ctx) + next);
        } catch (Accounts.Refused e) {
            page(ctx, next, true, name == null ? "" : name.strip());
        }
    }

    private void logout(Context ctx) {
        app.logins().logout(ctx.cookie(Access.COOKIE), server.client(ctx), Instant.now());
        ctx.header("Set-Cookie", cookie(ctx, "", true));
        ctx.status(303);
        ctx.header("Location", PageFrame.base(ctx) + "/login");
    }

    /** The session cookie, or the header that deletes it. */
    private String cookie(Context ctx, String value, boolean delete) {
        return Access.COOKIE + "=" + value + "; Path=" + PageFrame.base(ctx) + "/; HttpOnly; SameSite=Lax"
                + (server.secure(ctx) ? "; Secure" : "") + (delete ? "; Max-Age=0" : "");
    }

    /** Where to go after signing in: a path of this service only, never another site's. */
    static String next(String asked) {
        if (asked == null || !asked.startsWith("/") || asked.startsWith("//") || asked.startsWith("/\\") || asked.contains("\r")
                || asked.contains("\n") || asked.startsWith("/login")) {
            return "/";
        }
        return asked;
    }
}
