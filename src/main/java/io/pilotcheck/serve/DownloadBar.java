package io.pilotcheck.serve;

import io.pilotcheck.report.ReportFormats;

import java.time.LocalDate;
import java.util.ArrayList;
import io.pilotcheck.finding.BatchResult;

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
        return into(report, page, id, day, null);
    }

    /**
     * The report with the strip, when there is a kept submission ({@code id} not null), and the
     * upload's notes put in at the start of its body.
     */
    static String into(String report, PageView page, String id, LocalDate day, UploadNotesView notes) {
        String bar = (id == null ? "" : "\n" + Templates.render("downloadbar.jte", links(page, id, day)).strip())
                + (notes == null || notes.empty() ? "" : "\n" + Templates.render("uploadnotes.jte", notes).strip()) + "\n";
        return bar.isBlank() ? report : splice(report, bar.strip());
    }

    /** {@code html} with {@code strip} put in at the start of its body. */
    private static String splice(String report, String strip) {
        String bar = "\n" + strip + "\n";
        int body = report.indexOf("<body");
        int at = body < 0 ? -1 : report.indexOf('>', body);
        return at < 0 ? bar + report : report.substring(0, at + 1) + bar + report.substring(at + 1);
    }

    /** A pilot's report alone, with the strip that leads back to the pilot's page and to the report in every format. */
    static String pilot(String report, PageView page, String pilotPath, String city) {
        List<DownloadsView.Link> links = new ArrayList<>();
        for (String format : FORMATS) {
            String extension = ReportFormats.find(format).orElseThrow().extension();
            links.add(new DownloadsView.Link(links.size(), format, pilotPath + "/report." + extension));
        }
        String bar = Templates.render("pilotbar.jte", new PilotBarView(new DownloadsView(page, pilotPath, links), city)).strip();
        return splice(report, bar);
    }

    /** The notes on an upload: its skipped files, and each pilot with several dossiers in it. */
    static UploadNotesView notes(PageView page, List<Uploads.Skipped> skipped, BatchResult batch) {
        // the pilots check warns of on the command line, with the same names
        String separator = page.word("listSeparator");
        List<String> shared = batch.tally().sharedCities().stream().map(c -> page.word("shared.line", "city", c.city(),
                "count", c.count(), "files", String.join(separator, c.files()) + (c.count() > c.files().size() ? separator + "…" : ""),
                "latest", c.last())).toList();
        return new UploadNotesView(page, skipped.stream().map(f -> new UploadNotesView.Skipped(UploadNames.shown(f.name()),
                page.word(f.reason()))).toList(), shared);
    }
}
