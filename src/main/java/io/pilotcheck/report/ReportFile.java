package io.pilotcheck.report;

import io.pilotcheck.files.OutputFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a report to standard output or to a file: a regular file whole or not at all, written
 * beside its target and moved into place; a device or FIFO straight into it (see {@link OutputFile}).
 */
public final class ReportFile {

    private ReportFile() {
    }

    /**
     * Writes {@code text} to {@code file}, or to {@code out} when {@code file} is null. A file is
     * written beside its target and moved into place, so an interrupted run never leaves half a report.
     */
    public static void write(String text, Path file, PrintWriter out) throws IOException {
        if (file == null) {
            out.print(text);
            out.flush();
            return;
        }
        write(text.getBytes(StandardCharsets.UTF_8), file);
    }

    /** Something that writes a report's text. */
    public interface Body {
        /**
         * Writes the text to {@code out}. {@code bytes} is the UTF-8 stream under {@code out} when
         * there is one (a file), else null: a part already encoded may go straight to it once
         * {@code out} is flushed.
         */
        void writeTo(java.io.Writer out, java.io.OutputStream bytes) throws IOException;
    }

    /**
     * Writes a report as {@code body} produces it to {@code file} (through a temporary file
     * moved into place) or, when {@code file} is null, to {@code out}.
     */
    public static void write(Body body, Path file, PrintWriter out) throws IOException {
        if (file == null) {
            body.writeTo(out, null);
            out.flush();
            return;
        }
        try (OutputFile output = OutputFile.open(file);
             java.io.Writer w = new java.io.BufferedWriter(
                     new java.io.OutputStreamWriter(output.stream(), StandardCharsets.UTF_8))) {
            body.writeTo(w, output.stream());
            w.flush();
            output.commit();
        }
    }

    /**
     * Writes a whole batch's report in {@code format} to {@code file}, or to {@code out} when
     * {@code file} is null (a text format only).
     */
    public static void write(ReportFormat format, io.pilotcheck.finding.BatchResult batch, ReportContext context,
                             Path file, PrintWriter out) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        format.write(batch, context, bytes);
        if (file == null) {
            out.print(bytes.toString(StandardCharsets.UTF_8));
            out.flush();
            return;
        }
        write(bytes.toByteArray(), file);
    }

    /** Writes {@code content} to {@code file} whole (see {@link OutputFile}). */
    public static void write(byte[] content, Path file) throws IOException {
        OutputFile.write(content, file);
    }
}
