package io.pilotcheck.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report to standard output or, whole or not at all, to a file: a file is written beside
 * its target and moved into place, so an interrupted run never leaves half a report.
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
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        tmp.toFile().deleteOnExit();
        try {
            // a FileOutputStream, not Files.newOutputStream: Channels.newChannel gives its own
            // FileChannel back, so a spooled report is copied in the kernel (see ReportSpool)
            try (java.io.OutputStream bytes = new java.io.FileOutputStream(tmp.toFile());
                 java.io.Writer w = new java.io.BufferedWriter(
                         new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
                body.writeTo(w, bytes);
            }
            publish(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
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

    /** Writes {@code content} to {@code file} through a temporary file moved into place. */
    public static void write(byte[] content, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        // a second Ctrl-C exits at once, mid-write: the exit hooks still remove the temporary file
        tmp.toFile().deleteOnExit();
        try {
            Files.write(tmp, content);
            publish(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void publish(Path tmp, Path target) throws IOException {
        // A temporary file is private (rw-------); a report is for handing on, like any file the user writes.
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
