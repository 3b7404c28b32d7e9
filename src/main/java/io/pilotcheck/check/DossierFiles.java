package io.pilotcheck.check;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expands the command line's PATHs into dossier files: a file as named, a folder recursively
 * ({@code *.yaml}, {@code *.yml}), each named as the user would write it, sorted, without repeats.
 * A path that does not exist makes the whole run unusable (exit 2); a file or folder that cannot
 * be read inside a folder is kept, so the batch reports it instead of silently skipping it.
 */
public final class DossierFiles {

    /** The listing: files to check by display name, and PATHs that do not exist. */
    public record Listing(Map<String, Path> files, List<String> missing) {
    }

    private DossierFiles() {
    }

    /** Lists the dossier files under the given PATHs. */
    public static Listing list(List<String> args) {
        Map<String, Path> files = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (String arg : args) {
            Path root = Path.of(arg);
            if (!Files.exists(root)) {
                missing.add(arg);
            } else if (Files.isDirectory(root)) {
                walk(root, files);
            } else {
                files.putIfAbsent(name(root), root);
            }
        }
        return new Listing(new LinkedHashMap<>(files), missing);
    }

    private static void walk(Path root, Map<String, Path> files) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isDossier(file)) {
                        files.putIfAbsent(name(file), file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // Keep it: loading it again reports why it cannot be read, at its name.
                    files.putIfAbsent(name(file), file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            files.putIfAbsent(name(root), root);
        }
    }

    private static boolean isDossier(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static String name(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }
}
