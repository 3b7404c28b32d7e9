package io.pilotcheck.serve;

import io.pilotcheck.words.Language;

import java.util.List;

/**
 * What every page's template shares: its language, the base path it is served under, its title
 * and the link to the same page in the other language; and the service's words in that language.
 *
 * @param lang              the page's language
 * @param base              the base path ({@code serve --base-path}), empty at the root
 * @param title             the page's title and heading
 * @param otherLanguagePath this page's path and query below the base path, ending in {@code lang=}
 * @param ruleProblems      the problems of the last rule edit when it did not build, each
 *                          located in its file (empty when it built): every page's header says so
 * @param user              the signed-in account's name (shared mode), or null
 * @param csrf              the token this page's forms carry (a signed-in browser's), or null
 * @param admin             whether the signed-in account is an admin (its pages are linked from every page)
 * @param unread            the signed-in account's unread notifications, or -1 (no account)
 * @param period            the open period's name, linked from every page, or null
 */
public record PageView(Language lang, String base, String title, String otherLanguagePath, List<String> ruleProblems,
                       String user, String csrf, boolean admin, int unread, String period) {

    /** The open period's page, below the base path. */
    public String periodPath() {
        return "/periods/" + PageFrame.path(period);
    }

    /** Where a form that changes something posts: {@link #href}, with the session's CSRF token when there is one. */
    public String action(String path) {
        return csrf == null ? href(path) : href(path) + "&csrf=" + csrf;
    }

    /** The language's code, as the pages' queries name it. */
    public String code() {
        return PageFrame.code(lang);
    }

    /** A word of the service's, in the page's language, with its placeholders filled. */
    public String word(String key, Object... namesAndValues) {
        return ServeWords.word(key, lang, namesAndValues);
    }

    /** A link to {@code path} (below the base path, its names already percent-encoded) in this page's language. */
    public String href(String path) {
        int query = path.indexOf('?');
        return query < 0 ? base + path + "?lang=" + code()
                : base + path.substring(0, query) + "?lang=" + code() + "&" + path.substring(query + 1);
    }

    /** A link to {@code path} below the base path, as it is. */
    public String at(String path) {
        return base + path;
    }

    /** The link to this page in the other language. */
    public String otherLanguageHref() {
        return base + otherLanguagePath + lang.other().code();
    }

    /** The other language's name, as the link to it reads. */
    public String otherLanguageName() {
        return word("page.otherLanguage");
    }
}
