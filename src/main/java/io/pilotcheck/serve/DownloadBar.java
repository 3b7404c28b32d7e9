package io.pilotcheck.serve;

import io.pilotcheck.finding.Language;

import java.time.LocalDate;
import java.util.List;

/**
 * The strip the page puts above a report it answers with: the kept submission in every other
 * format, its page, the dashboard, and the way back to the form. The report below it is {@code check -f html}'s, unchanged.
 */
final class DownloadBar {

    private static final List<String> FORMATS = List.of("xlsx", "csv", "json", "sarif", "junit", "text", "html");

    private DownloadBar() {
    }

    /** A kept submission's report in every format, as links to download it (the page's own last). */
    static String links(String id, Language lang, LocalDate day) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < FORMATS.size(); i++) {
            String format = FORMATS.get(i);
            String extension = io.pilotcheck.report.ReportFormats.find(format).orElseThrow().extension();
            out.append(i == 0 ? "" : " · ").append("<a href=\"/submissions/").append(PageFrame.escape(id)).append("/pilotcheck-")
                    .append(day).append('.').append(extension).append("?lang=").append(PageFrame.code(lang))
                    .append("\" data-format=\"").append(format).append("\">")
                    .append(PageFrame.escape(ServeWords.word("page.download." + format, lang))).append("</a>");
        }
        return out.toString();
    }

    /** The report with the strip put in at the start of its body. */
    static String into(String report, String id, Language lang, LocalDate day) {
        StringBuilder bar = new StringBuilder("\n<nav id=\"downloads\" style=\"font: 14px sans-serif; padding: 8px 12px; "
                + "margin-bottom: 12px; background: #eef4fb; border-bottom: 1px solid #c8d8ea;\">");
        bar.append(PageFrame.escape(ServeWords.word("page.downloads", lang))).append(' ').append(links(id, lang, day));
        String l = PageFrame.code(lang);
        bar.append(" &nbsp;|&nbsp; <a id=\"kept\" href=\"/submissions/").append(PageFrame.escape(id)).append("?lang=").append(l).append("\">")
                .append(PageFrame.escape(ServeWords.word("page.kept", lang))).append("</a> · <a href=\"/pilots?lang=")
                .append(l).append("\">").append(PageFrame.escape(ServeWords.word("page.dashboard", lang)))
                .append("</a> · <a href=\"/?lang=").append(l).append("\">")
                .append(PageFrame.escape(ServeWords.word("page.again", lang))).append("</a></nav>\n");
        int body = report.indexOf("<body");
        int at = body < 0 ? -1 : report.indexOf('>', body);
        return at < 0 ? bar + report : report.substring(0, at + 1) + bar + report.substring(at + 1);
    }
}
