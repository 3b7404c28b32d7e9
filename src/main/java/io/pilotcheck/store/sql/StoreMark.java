package io.pilotcheck.store.sql;

import io.pilotcheck.store.SubmissionStore;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The newest evaluation the embedded store has acknowledged, kept in a small file beside its
 * database file. A file put back from an older copy, or copied without its write-ahead log (which
 * holds the newest commits until they are moved into the file), opens cleanly with older data;
 * the mark tells: a store whose newest evaluation is older than its mark has lost what it
 * acknowledged. Ids are time-ordered, so "older" is their order. The
 * mark is written after each commit, atomically, and only ever moves forward; one that was not
 * written (a crash, a full disk) is older, never newer, than the data, so it never cries wolf.
 */
final class StoreMark {

    private final Path file;
    private String written;

    private StoreMark(Path file) {
        this.file = file;
    }

    /** The mark of an embedded store's file, or empty for a server database (it keeps its own integrity). */
    static Optional<StoreMark> of(StoreLocation location) {
        return location.file().map(f -> new StoreMark(f.resolveSibling(f.getFileName().toString().replaceFirst("\\.db$", "") + ".mark")));
    }

    /** Where the mark is. */
    Path file() {
        return file;
    }

    /** The mark as it stands in its file, or empty when there is none yet. */
    Optional<String> read() {
        try {
            String mark = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return SubmissionStore.isId(mark) ? Optional.of(mark) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Moves the mark to {@code newest} when that is newer; a mark that cannot be written stays as it was. */
    synchronized void advance(String newest) {
        if (newest == null || (written != null && newest.compareTo(written) <= 0)) {
            return;
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, newest + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written = newest;
        } catch (IOException e) {
            // an older mark only ever lets a damaged file through unnoticed; it never refuses a sound one
        }
    }
}
