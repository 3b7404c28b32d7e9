package io.pilotcheck.serve;

import io.pilotcheck.finding.Language;

/**
 * The page at {@code /}: a form that uploads dossier files, a folder or a zip, with the
 * evaluation date and the report's language and format, answered with the report. It works with
 * JavaScript off and needs nothing beyond this server (no CDN, no web font).
 */
final class UploadPage {

    private UploadPage() {
    }

    static String html(Language lang, java.util.List<String> ruleProblems) {
        String l = lang == Language.EN ? "en" : "zh";
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                  body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 46rem; color: #222; }
                  h1 { font-size: 1.5rem; } fieldset { border: 1px solid #ccc; border-radius: 6px; margin: 1rem 0; padding: 1rem; }
                  label { display: block; margin: .5rem 0; } button { font-size: 1rem; padding: .5rem 1.5rem; }
                  .muted { color: #666; font-size: .9rem; } nav { float: right; }
                  .warn { background: #fff4d6; border-left: 4px solid #e0a500; padding: .5rem 1rem; }
                </style>
                </head>
                <body>
                <nav><a href="/?lang=%s">%s</a></nav>
                <h1>%s</h1>
                <p class="muted">%s</p>
                %s
                <form method="post" action="/?lang=%s" enctype="multipart/form-data">
                  <fieldset>
                    <label>%s <input type="file" name="files" multiple accept=".yaml,.yml,.zip"></label>
                    <label>%s <input type="file" name="files" webkitdirectory directory multiple></label>
                  </fieldset>
                  <fieldset>
                    <label>%s <input type="date" name="as_of"> <span class="muted">%s</span></label>
                    <label>%s <select name="format">%s</select></label>
                    <input type="hidden" name="lang" value="%s">
                  </fieldset>
                  <button type="submit">%s</button>
                </form>
                </body>
                </html>
                """.formatted(l, ServeWords.word("page.title", lang), lang == Language.EN ? "zh" : "en",
                ServeWords.word("page.otherLanguage", lang), ServeWords.word("page.title", lang),
                ServeWords.word("page.intro", lang), ruleProblems.isEmpty() ? ""
                        : "<p class=\"warn\" id=\"rules-problem\">" + escape(ServeWords.word("page.rulesBroken", lang,
                                "count", ruleProblems.size())) + "</p>",
                l, ServeWords.word("page.files", lang),
                ServeWords.word("page.folder", lang), ServeWords.word("page.asOf", lang),
                ServeWords.word("page.asOfNote", lang), ServeWords.word("page.format", lang), formats(lang), l,
                ServeWords.word("page.check", lang));
    }

    /** The report formats, the page's own first; any other downloads as a file. */
    private static String formats(Language lang) {
        StringBuilder out = new StringBuilder();
        for (String f : java.util.List.of("html", "xlsx", "csv", "json", "sarif", "junit", "text")) {
            out.append("<option value=\"").append(f).append("\">").append(escape(ServeWords.word("page.format." + f, lang)))
                    .append("</option>");
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
