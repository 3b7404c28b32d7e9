package io.pilotcheck.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dossier parts of one streamed report, in order, until the report can be framed: in memory
 * while small, then in a temporary file, so a batch of any size takes the same memory.
 */
public final class ReportSpool implements AutoCloseable {

    /** Characters kept in memory before the spool moves to disk. */
    private static final int IN_MEMORY = 4 << 20;

    private final StringBuilder memory = new StringBuilder();
    private Path file;
    private OutputStream disk;

    /** Adds text after what is there. */
    public void append(String text) {
        try {
            if (disk != null) {
                // String's own UTF-8 encoder is about twice a Writer's, and this runs on the one
                // thread that hands the batch on
                disk.write(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
            memory.append(text);
            if (memory.length() > IN_MEMORY) {
                file = Files.createTempFile("pilotcheck-", ".part");
                file.toFile().deleteOnExit();
                disk = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                spill();
                memory.setLength(0);
                memory.trimToSize();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the report to a temporary file", e);
        }
    }

    /**
     * Moves what is in memory to disk a slice at a time: one copy of it all (a String, then its
     * bytes) would outlive the young generation and stay in the heap to the end.
     */
    private void spill() throws IOException {
        int slice = 1 << 16;
        for (int from = 0; from < memory.length(); ) {
            int to = Math.min(from + slice, memory.length());
            if (to < memory.length() && Character.isHighSurrogate(memory.charAt(to - 1))) {
                to--; // a pair split in two would be encoded as two '?'
            }
            disk.write(memory.substring(from, to).getBytes(StandardCharsets.UTF_8));
            from = to;
        }
    }

    /**
     * Writes everything appended, in order, to {@code out}; or, when {@code bytes} is the UTF-8
     * stream under {@code out}, copies a spool on disk straight to it. Why: decoding and encoding
     * again a big batch's spool took a noticeable time at the very end of a run, on one thread
     * (bench/NOTES.md). The copy goes through channels, so that from file to file (a
     * {@code FileOutputStream}) the kernel copies the bytes without passing them through Java.
     */
    public void writeTo(Writer out, OutputStream bytes) throws IOException {
        if (disk == null) {
            out.append(memory);
            return;
        }
        disk.flush();
        if (bytes != null) {
            out.flush();
            try (FileChannel from = FileChannel.open(file)) {
                WritableByteChannel to = Channels.newChannel(bytes);
                long size = from.size();
                for (long at = 0; at < size; ) {
                    long moved = from.transferTo(at, size - at, to);
                    if (moved <= 0) {
                        // only a spool cut short by someone else does this; never loop on it
                        throw new IOException("the report's temporary file " + file + " ended at byte " + at
                                + " of " + size);
                    }
                    at += moved;
                }
            }
            return;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
    }

    @Override
    public void close() throws IOException {
        if (disk != null) {
            disk.close();
            Files.deleteIfExists(file);
        }
    }
}
