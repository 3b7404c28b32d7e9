package io.pilotcheck.serve;

import io.pilotcheck.finding.Language;

/**
 * The page a browser gets instead of the contract's JSON error: the same message, in the page's
 * language, and the way back to the upload form. A request is a browser's when it is the page's
 * own form, or asks for HTML anywhere outside {@code /api/}.
 */
final class ErrorPage {

    private ErrorPage() {
    }

    static String html(Language lang, ApiError error) {
        String l = PageFrame.code(lang);
        String body = """
                <p class="error" id="error" data-code="%s">%s</p>
                <p class="muted">%s %d · %s</p>
                <p><a href="/?lang=%s">%s</a></p>
                """.formatted(PageFrame.escape(error.code()), PageFrame.escape(error.message(lang)),
                PageFrame.escape(ServeWords.word("page.error.status", lang)), error.status(),
                PageFrame.escape(error.code()), l, PageFrame.escape(ServeWords.word("page.error.back", lang)));
        String title = error.status() == 404 || error.status() == 405 ? "page.error.titleNoPage" : "page.error.title";
        return PageFrame.page(lang, ServeWords.word(title, lang), "/?lang=", body);
    }
}
