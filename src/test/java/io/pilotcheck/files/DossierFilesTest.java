package io.pilotcheck.files;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The lazy, sorted walk lists exactly what sorting every name would, in the same order. */
class DossierFilesTest {

    @TempDir
    Path tmp;

    /** The plain way: walk everything, sort every normalised name. */
    private static List<String> reference(List<String> args) throws IOException {
        Map<String, Path> all = new TreeMap<>();
        for (String arg : args) {
            Path root = Path.of(arg);
            if (Files.isDirectory(root)) {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String n = file.getFileName().toString();
                        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
                            all.putIfAbsent(file.normalize().toString(), file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else if (Files.exists(root)) {
                all.putIfAbsent(root.normalize().toString(), root);
            }
        }
        return new ArrayList<>(all.keySet());
    }

    private static List<String> lazy(List<String> args) {
        List<String> names = new ArrayList<>();
        DossierFiles.sorted(args).forEachRemaining(e -> names.add(e.getKey()));
        return names;
    }

    @Test
    void namesThatSortAroundTheSlashComeInFullNameOrder() throws IOException {
        Path d = tmp.resolve("in");
        for (String f : List.of("a.yaml", "a/b.yaml", "a/c/d.yml", "a-b.yaml", "a0.yaml", "a/a.yaml", "b.yaml",
                "B.yaml", "a.b/x.yaml", "a b/y.yaml", "z/ignored.txt", "0000/0000001-x.yaml", "0001/0001000-y.yaml",
                "沈阳.yaml", "a/c.yaml")) {
            Path p = d.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "city: x\n");
        }
        Files.createDirectories(d.resolve("empty"));
        Files.createSymbolicLink(d.resolve("loop"), d);
        List<String> args = List.of(d.toString());
        assertThat(lazy(args)).isEqualTo(reference(args)).hasSize(14);
        // several PATHs, overlapping, named in any order: merged, without repeats
        List<String> many = List.of(d.resolve("a").toString(), d + "/./a.yaml", d.toString(), d.resolve("a/c").toString(),
                "fixtures/02-shenyang.yaml", "fixtures/", "src/test/resources/hostile");
        assertThat(lazy(many)).isEqualTo(reference(many));
        assertThat(DossierFiles.list(many).files().keySet()).containsExactlyElementsOf(reference(many));
    }

    @Test
    void theFixturesAndAMissingPath() throws IOException {
        List<String> args = List.of("fixtures/", tmp.resolve("nowhere").toString());
        assertThat(lazy(args)).isEqualTo(reference(args)).hasSize(54);
        assertThat(DossierFiles.missing(args)).containsExactly(tmp.resolve("nowhere").toString());
    }

    @Test
    void aPipeInsideAFolderIsPassedOverButAPipeNamedAsAPathIsRead() throws Exception {
        Path d = tmp.resolve("in");
        Files.createDirectories(d);
        Files.writeString(d.resolve("a.yaml"), "city: x\n");
        Path fifo = d.resolve("b.yaml");
        Assumptions.assumeTrue(mkfifo(fifo), "mkfifo is not available here");
        Files.createSymbolicLink(d.resolve("c.yaml"), fifo);
        Files.createSymbolicLink(d.resolve("d.yaml"), d.resolve("a.yaml"));
        // opening b.yaml (or c.yaml) would wait for a writer for ever; they are not listed, so never opened
        assertThat(lazy(List.of(d.toString()))).containsExactly(d + "/a.yaml", d + "/d.yaml");
        assertThat(DossierFiles.list(List.of(d.toString())).files().keySet()).containsExactly(d + "/a.yaml", d + "/d.yaml");
        assertThat(lazy(List.of(fifo.toString()))).containsExactly(fifo.toString());
    }

    private static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0 && Files.exists(p);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
