package io.pilotcheck.files;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file a command writes where the user told it to ({@code -o}, {@code export}, {@code init},
 * {@code rules doc}). A regular file, or a name not taken yet, is written beside itself and
 * renamed into place on {@link #commit()}, so an interrupted run never leaves half a file. Anything
 * else that stands there already — a device such as {@code /dev/null}, a FIFO — is written into:
 * renaming onto it would replace a node the whole machine depends on (as root, that is allowed).
 * A symbolic link is followed and stays a link: what it points to is written, atomically when
 * that is a regular file.
 */
public final class OutputFile implements Closeable {

    /** How many links in a row are followed before the name is taken as a loop. */
    private static final int MAX_LINKS = 40;

    private final Path target;
    private final Path temporary;
    private final OutputStream out;
    private boolean committed;

    private OutputFile(Path target, Path temporary, OutputStream out) {
        this.target = target;
        this.temporary = temporary;
        this.out = out;
    }

    /** Opens {@code file} for writing as the class describes; nothing is replaced before {@link #commit()}. */
    public static OutputFile open(Path file) throws IOException {
        Path target = followLinks(file.toAbsolutePath());
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a folder");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            // FileOutputStream, not Files.newOutputStream: a report spooled to disk is copied into
            // its channel by the kernel (see ReportSpool)
            return new OutputFile(target, null, new FileOutputStream(target.toFile()));
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        // a second Ctrl-C exits at once, mid-write: the exit hooks still remove the temporary file
        tmp.toFile().deleteOnExit();
        try {
            return new OutputFile(target, tmp, new FileOutputStream(tmp.toFile()));
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Writes {@code content} to {@code file} whole, as {@link #open(Path)} and {@link #commit()} do. */
    public static void write(byte[] content, Path file) throws IOException {
        try (OutputFile output = open(file)) {
            output.stream().write(content);
            output.commit();
        }
    }

    /** The bytes' way to the file. */
    public OutputStream stream() {
        return out;
    }

    /** The file that is written: the name given, with its symbolic links followed. */
    public Path target() {
        return target;
    }

    /** Closes the stream and, for a regular file, renames what was written into place. */
    public void commit() throws IOException {
        out.close();
        if (temporary != null) {
            // a temporary file is private (rw-------); a report is for handing on, like any file the user writes
            if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
    }

    /** Closes the stream; what was not committed is removed and the target left as it was. */
    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            if (!committed && temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** The path a chain of symbolic links ends at, whether or not anything is there yet. */
    private static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(p); i++) {
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        if (Files.isSymbolicLink(p)) {
            throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
        }
        return p;
    }
}
