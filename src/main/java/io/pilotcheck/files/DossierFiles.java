package io.pilotcheck.files;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Expands the command line's PATHs into dossier files: a file as named, a folder recursively
 * ({@code *.yaml}, {@code *.yml}, and the forms the loader reads: {@code *.xlsx}), each named as the user would write it, sorted, without repeats.
 * A path that does not exist makes the whole run unusable (exit 2); a file or folder that cannot
 * be read inside a folder is kept, so the batch reports it instead of silently skipping it.
 * Inside a folder only regular files (and links to them) are dossiers: a pipe, socket or device
 * named {@code *.yaml} is passed over, as {@code grep -r} and ripgrep do, because opening a pipe
 * waits for a writer that may never come and would stop the whole batch. Named as a PATH, such a
 * file is read: that is how {@code check <(…)} and {@code /dev/stdin} work.
 */
public final class DossierFiles {

    /** The listing: files to check by display name, and PATHs that do not exist. */
    public record Listing(Map<String, Path> files, List<String> missing) {
    }

    private DossierFiles() {
    }

    /** Lists the dossier files under the given PATHs. */
    public static Listing list(List<String> args) {
        Map<String, Path> files = new LinkedHashMap<>();
        sorted(args).forEachRemaining(e -> files.put(e.getKey(), e.getValue()));
        return new Listing(files, missing(args));
    }

    /** The PATHs that do not exist. */
    public static List<String> missing(List<String> args) {
        List<String> missing = new ArrayList<>();
        for (String arg : args) {
            if (!Files.exists(Path.of(arg))) {
                missing.add(arg);
            }
        }
        return missing;
    }

    /**
     * The folder PATHs with no dossier file anywhere under them (a folder of {@code .docx}, or
     * none at all). Each walk stops at the first file found, so a full folder costs one look.
     */
    public static List<String> withoutDossiers(List<String> args) {
        List<String> empty = new ArrayList<>();
        for (String arg : args) {
            if (Files.isDirectory(Path.of(arg)) && !sorted(List.of(arg)).hasNext()) {
                empty.add(arg);
            }
        }
        return empty;
    }

    /**
     * The dossier files under the given PATHs in {@link #list}'s order (by name, without repeats),
     * found as they are used: a folder is read when the walk reaches it, so a batch of a million
     * files never holds all their names. A PATH that does not exist is skipped (see {@link #missing}).
     */
    public static Iterator<Map.Entry<String, Path>> sorted(List<String> args) {
        PriorityQueue<Walk> heads = new PriorityQueue<>(Comparator.comparing((Walk w) -> w.head.getKey()));
        for (String arg : args) {
            Path root = Path.of(arg);
            Walk w = Files.isDirectory(root) ? new Walk(root) : Files.exists(root) ? new Walk(name(root), root) : null;
            if (w != null && w.advance()) {
                heads.add(w);
            }
        }
        return new Iterator<>() {
            private String last;
            private Map.Entry<String, Path> next = step();

            private Map.Entry<String, Path> step() {
                while (!heads.isEmpty()) {
                    Walk w = heads.poll();
                    Map.Entry<String, Path> e = w.head;
                    if (w.advance()) {
                        heads.add(w);
                    }
                    if (!e.getKey().equals(last)) {
                        last = e.getKey();
                        return e;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Map.Entry<String, Path> next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                Map.Entry<String, Path> e = next;
                next = step();
                return e;
            }
        };
    }

    /**
     * A depth-first walk of one PATH in name order. Siblings sort by name, a folder's as if it
     * ended in "/", which is exactly the order of the full names: "a.yaml" before "a/b.yaml"
     * before "a0.yaml". Links are not followed (a link to a folder is not a dossier, so a loop
     * ends there); a folder that cannot be read is listed itself, so the batch reports it.
     */
    private static final class Walk {
        /**
         * A folder entry, looked at once: a stat per comparison would cost more than the check.
         * {@code special}: a pipe, socket or device (or a link to one), never opened.
         */
        private record Child(String key, Path path, boolean dir, boolean special) {
        }

        private final Deque<Iterator<Child>> stack = new ArrayDeque<>();
        private Map.Entry<String, Path> single;
        Map.Entry<String, Path> head;

        Walk(Path dir) {
            open(dir);
        }

        Walk(String name, Path file) {
            single = Map.entry(name, file);
        }

        /** Moves to the next dossier file; false at the end. */
        boolean advance() {
            if (single != null) {
                head = single;
                single = null;
                return true;
            }
            while (!stack.isEmpty()) {
                Iterator<Child> top = stack.peek();
                if (!top.hasNext()) {
                    stack.pop();
                    continue;
                }
                Child c = top.next();
                Path p = c.path();
                if (c.dir()) {
                    if (!open(p)) {
                        head = Map.entry(name(p), p);
                        return true;
                    }
                } else if (isDossier(p) && !c.special()) {
                    head = Map.entry(name(p), p);
                    return true;
                }
            }
            return false;
        }

        private boolean open(Path dir) {
            List<Child> children = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    BasicFileAttributes a = attributes(p, LinkOption.NOFOLLOW_LINKS);
                    boolean isDir = a != null && a.isDirectory();
                    String n = p.getFileName().toString();
                    children.add(new Child(isDir ? n + "/" : n, p, isDir, a != null && special(p, a)));
                }
            } catch (IOException | DirectoryIteratorException e) {
                if (stack.isEmpty() && head == null && single == null) {
                    // the PATH itself: listed, so loading it says why it cannot be read
                    single = Map.entry(name(dir), dir);
                }
                return false;
            }
            children.sort(Comparator.comparing(Child::key));
            stack.push(children.iterator());
            return true;
        }
    }

    /** The entry's attributes, or null when it cannot be looked at (gone, say): then loading it says why. */
    private static BasicFileAttributes attributes(Path p, LinkOption... options) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, options);
        } catch (IOException e) {
            return null;
        }
    }

    /** A pipe, socket or device, or a link to one: {@code a} are the entry's own attributes. */
    private static boolean special(Path p, BasicFileAttributes a) {
        if (a.isOther()) {
            return true;
        }
        if (a.isSymbolicLink() && isDossier(p)) {
            // links are rare: only for them is the target looked at too
            BasicFileAttributes target = attributes(p);
            return target != null && target.isOther();
        }
        return false;
    }

    private static boolean isDossier(Path file) {
        // Excel keeps "~$name.xlsx" beside a workbook while it is open: its owner, not a dossier
        return io.pilotcheck.dossier.DossierLoader.isDossierName(file.getFileName().toString())
                && !file.getFileName().toString().startsWith("~$");
    }

    private static String name(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }
}
