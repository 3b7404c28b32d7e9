package io.pilotcheck.serve;

import io.pilotcheck.finding.Language;

/**
 * What every page of the service shares: the head, one small style sheet, and the link to the
 * same page in the other language. No script or style is loaded from anywhere, so the pages work
 * on an office network that reaches nothing but this server.
 */
final class PageFrame {

    private static final String STYLE = """
            body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 46rem; color: #222; }
            h1 { font-size: 1.5rem; } fieldset { border: 1px solid #ccc; border-radius: 6px; margin: 1rem 0; padding: 1rem; }
            label { display: block; margin: .5rem 0; } button { font-size: 1rem; padding: .5rem 1.5rem; }
            .muted { color: #666; font-size: .9rem; } nav { float: right; }
            .warn { background: #fff4d6; border-left: 4px solid #e0a500; padding: .5rem 1rem; }
            .error { background: #fde8e8; border-left: 4px solid #c81e1e; padding: .5rem 1rem; }
            progress { width: 100%; height: 1.2rem; }
            """;

    private PageFrame() {
    }

    /**
     * A whole page.
     *
     * @param otherLanguagePath the path and query of this page in the other language, {@code lang} last
     * @param body              the body's HTML, everything below the heading
     */
    static String page(Language lang, String title, String otherLanguagePath, String body) {
        Language other = lang == Language.EN ? Language.ZH : Language.EN;
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                %s</style>
                </head>
                <body>
                <nav><a href="%s">%s</a></nav>
                <h1>%s</h1>
                %s
                </body>
                </html>
                """.formatted(code(lang), escape(title), STYLE, escape(otherLanguagePath + code(other)),
                escape(ServeWords.word("page.otherLanguage", lang)), escape(title), body);
    }

    /** The language's code in a query ({@code lang=zh}, {@code lang=en}). */
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
        return lang == Language.EN ? "en" : "zh";
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

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
