package io.pilotcheck.serve;

import io.javalin.http.Context;
import io.pilotcheck.words.Language;

/**
 * The page a browser gets instead of the contract's JSON error: the same message, in the page's
 * language, and the way back to the upload form. A request is a browser's when it is the page's
 * own form, or asks for HTML anywhere outside {@code /api/}.
 */
final class ErrorPage {

    private ErrorPage() {
    }

    static String html(Context ctx, Language lang, ApiError error) {
        String title = error.status() == 404 || error.status() == 405 ? "page.error.titleNoPage" : "page.error.title";
        PageView page = PageFrame.view(ctx, lang, ServeWords.word(title, lang), "/?lang=");
        return Templates.render("error.jte", new ErrorView(page, error.code(), error.message(lang), error.status()));
    }
}
