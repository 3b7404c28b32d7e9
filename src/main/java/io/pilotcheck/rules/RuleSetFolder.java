package io.pilotcheck.rules;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A published rule set's files written out as a rules folder, so that it is loaded (and its
 * compiled form cached) exactly as a folder on disk is. A set never changes, so its folder,
 * named by its fingerprint, is written once and reused by later starts.
 */
public final class RuleSetFolder {

    private RuleSetFolder() {
    }

    /**
     * The folder under {@code root} holding {@code files} (paths below a rules folder), written
     * whole or not at all: into a folder of its own first, then moved into place.
     *
     * @throws IllegalArgumentException when a path would leave the folder
     */
    public static Path of(Path root, String fingerprint, Map<String, byte[]> files) throws IOException {
        Path dir = root.resolve(fingerprint.replaceAll("[^A-Za-z0-9]", "-"));
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(root);
        Path partial = Files.createTempDirectory(root, ".partial-");
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = partial.resolve(f.getKey()).normalize();
                if (!target.startsWith(partial) || f.getKey().startsWith("/") || f.getKey().contains("\\")) {
                    throw new IllegalArgumentException("a rule set's file outside its folder: " + f.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another process wrote the same set at the same moment: its folder is as good as ours
        } finally {
            delete(partial);
        }
        return dir;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
