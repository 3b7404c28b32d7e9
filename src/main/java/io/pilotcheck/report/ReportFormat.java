package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One report format, found by name in {@link ReportFormats}: how a checked batch becomes bytes.
 * A format that {@link #streams()} can also be written dossier by dossier, so a batch of any
 * size goes through it in the same memory; both ways give the same bytes.
 */
public interface ReportFormat {

    /** The name callers ask for it by ({@code -f json}, {@code ?format=json}). */
    String name();

    /** Whether {@link #streamed} may be asked for. */
    boolean streams();

    /** Whether the report is binary (a workbook), so it cannot go to a terminal. */
    boolean binary();

    /** The media type of the bytes, for a web front end. */
    String mediaType();

    /** The usual file name ending, without the dot. */
    String extension();

    /** The report written dossier by dossier; only for a format that {@link #streams()}. */
    StreamedReport streamed(ReportContext context);

    /** Writes the report of a whole batch to {@code out} (not closed). */
    void write(BatchResult batch, ReportContext context, OutputStream out) throws IOException;
}
