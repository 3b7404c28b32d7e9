package io.pilotcheck.serve;

import io.pilotcheck.report.ReportFormats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The strip the page puts above a report it answers with: the kept submission in every other
 * format, its page, the dashboard, and the way back to the form. The report below it is
 * {@code check -f html}'s, unchanged.
 */
final class DownloadBar {

    private static final List<String> FORMATS = List.of("xlsx", "csv", "json", "sarif", "junit", "text", "html");

    private DownloadBar() {
    }

    /** A kept submission's report in every format, as links to download it (the page's own last). */
    static DownloadsView links(PageView page, String id, LocalDate day) {
        List<DownloadsView.Link> links = new ArrayList<>();
        for (String format : FORMATS) {
            String extension = ReportFormats.find(format).orElseThrow().extension();
            links.add(new DownloadsView.Link(links.size(), format,
                    "/submissions/" + PageFrame.path(id) + "/pilotcheck-" + day + "." + extension));
        }
        return new DownloadsView(page, "/submissions/" + PageFrame.path(id), links);
    }

    /** The report with the strip put in at the start of its body. */
    static String into(String report, PageView page, String id, LocalDate day) {
        String bar = "\n" + Templates.render("downloadbar.jte", links(page, id, day)).strip() + "\n";
        int body = report.indexOf("<body");
        int at = body < 0 ? -1 : report.indexOf('>', body);
        return at < 0 ? bar + report : report.substring(0, at + 1) + bar + report.substring(at + 1);
    }
}
