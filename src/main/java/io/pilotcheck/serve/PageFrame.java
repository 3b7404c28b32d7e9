package io.pilotcheck.serve;

import io.pilotcheck.words.Language;

/**
 * What every page of the service shares ({@code layout.jte} draws it): the head, one small style
 * sheet, and the link to the same page in the other language, all under the base path. No script
 * or style is loaded from anywhere, so the pages work on an office network that reaches nothing
 * but this server.
 */
final class PageFrame {

    private PageFrame() {
    }

    /** The frame of a page served to {@code ctx}, titled {@code title}; {@code otherLanguagePath} ends in {@code lang=}. */
    static PageView view(io.javalin.http.Context ctx, Language lang, String title, String otherLanguagePath) {
        java.util.List<String> problems = ctx.attribute(RULE_PROBLEMS);
        io.pilotcheck.app.Caller caller = ctx.attribute(RouteTable.CALLER);
        boolean signed = caller != null && caller.csrf() != null;
        java.util.function.Function<io.pilotcheck.app.Caller, Integer> unread = ctx.attribute(UNREAD);
        java.util.function.Supplier<String> period = ctx.attribute(PERIOD);
        return new PageView(lang, base(ctx), title, otherLanguagePath, problems == null ? java.util.List.of() : problems,
                signed ? caller.name() : null, signed ? caller.csrf() : null,
                signed && caller.may(io.pilotcheck.app.Role.ADMIN), signed && unread != null ? unread.apply(caller) : -1,
                period == null ? null : period.get());
    }

    /** The request attribute that counts a caller's unread notifications (the header's link to the inbox). */
    static final String UNREAD = "pilotcheck.unread";

    /** The request attribute that names the open period, when the service keeps a store. */
    static final String PERIOD = "pilotcheck.period";



    /** The request attribute that holds the problems of a rule edit that did not build (empty: it built). */
    static final String RULE_PROBLEMS = "pilotcheck.ruleProblems";

    /**
     * The path the service is served under ({@code serve --base-path}), without a trailing
     * slash; empty at the root. Every link and form of every page starts with it.
     */
    static String base(io.javalin.http.Context ctx) {
        String base = ctx.contextPath();
        return base == null || base.equals("/") ? "" : base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The request's path below the base path: what the routes match. */
    static String route(io.javalin.http.Context ctx) {
        String path = ctx.path();
        String base = base(ctx);
        return !base.isEmpty() && path.startsWith(base) ? (path.length() == base.length() ? "/" : path.substring(base.length())) : path;
    }

    static String code(Language lang) {
        return lang.code();
    }

    /**
     * A path of {@code /}-separated names as it stands in a link: each name percent-encoded as
     * UTF-8 but for the characters a path needs no escape for, so {@code %}, {@code ?}, {@code #},
     * spaces and Chinese reach the server as they were named.
     */
    static String path(String names) {
        StringBuilder out = new StringBuilder();
        for (byte b : names.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '/' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
