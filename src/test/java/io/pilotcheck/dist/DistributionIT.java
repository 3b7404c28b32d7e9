package io.pilotcheck.dist;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution zip as a reviewer's IT department gets it: unpacked into an empty folder, run
 * with its own launcher from there, with nothing on the PATH but {@code java} and {@code bash}
 * (so no Maven), a home and cache of its own, and the repository out of sight. Its JSON report of
 * its fixtures must be the repository launcher's, byte for byte.
 */
class DistributionIT {

    @TempDir
    static Path tmp;
    static Path unpacked;
    /** The PATH the distribution runs with: a folder holding only java and bash. */
    static Path bin;

    @BeforeAll
    static void unpack() throws IOException {
        Path zip = Path.of(System.getProperty("pilotcheck.dist.zip", "target/missing.zip"));
        assertThat(zip).as("mvn package writes the distribution").isRegularFile();
        Path into = Files.createDirectories(tmp.resolve("install"));
        try (ZipFile z = new ZipFile.Builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                Path out = into.resolve(e.getName()).normalize();
                assertThat(out.startsWith(into)).as("entry inside the folder: " + e.getName()).isTrue();
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, out);
                }
                if ((e.getUnixMode() & 0100) != 0) {
                    Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(out));
                    perms.add(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(out, perms);
                }
            }
        }
        try (Stream<Path> top = Files.list(into)) {
            List<Path> folders = top.toList();
            assertThat(folders).as("one folder, pilotcheck-VERSION").hasSize(1);
            unpacked = folders.get(0);
        }
        assertThat(unpacked.getFileName().toString()).matches("pilotcheck-\\d+\\.\\d+\\.\\d+.*");
        bin = Files.createDirectories(tmp.resolve("path"));
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Files.createSymbolicLink(bin.resolve("bash"), Stream.of("/bin/bash", "/usr/bin/bash").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElseThrow());
        Files.createSymbolicLink(bin.resolve("readlink"), Stream.of("/bin/readlink", "/usr/bin/readlink").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElseThrow());
    }

    @Test
    void theZipHoldsTheJarRulesFixturesDocsAndLaunchers() {
        assertThat(unpacked.resolve("lib/pilotcheck.jar")).isRegularFile();
        assertThat(unpacked.resolve("bin/pilotcheck")).isExecutable();
        assertThat(unpacked.resolve("bin/pilotcheck.bat")).isRegularFile();
        assertThat(unpacked.resolve("rules/plan.drl")).isRegularFile();
        assertThat(unpacked.resolve("rules/params.yaml")).isRegularFile();
        assertThat(unpacked.resolve("rules/pilot-cities.yaml")).isRegularFile();
        assertThat(unpacked.resolve("fixtures/03-dalian.yaml")).isRegularFile();
        assertThat(unpacked.resolve("docs/reviewer-guide.zh.md")).isRegularFile();
        assertThat(unpacked.resolve("docs/spec/dossier-format.md")).isRegularFile();
        assertThat(unpacked.resolve("README.md")).isRegularFile();
    }

    @Test
    void itChecksItsFixturesWithoutMavenAsTheRepositoryDoes() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path cache = home.resolve("cache");

        Path distReport = tmp.resolve("dist.json");
        // LC_ALL=C: an office PC's locale is rarely UTF-8, and the rules compile here, in an empty cache
        int distCode = run(unpacked, Map.of("PATH", bin.toString(), "HOME", home.toString(), "LC_ALL", "C",
                        "XDG_CACHE_HOME", cache.toString()), distReport,
                "bin/pilotcheck", "check", "-f", "json", "fixtures/");
        Path repoReport = tmp.resolve("repo.json");
        int repoCode = run(Path.of("").toAbsolutePath(), Map.of("PATH", System.getenv("PATH")), repoReport,
                "./pilotcheck", "check", "-f", "json", "fixtures/");

        assertThat(distCode).as("the fixtures have findings, on purpose").isEqualTo(1);
        assertThat(repoCode).isEqualTo(1);
        assertThat(Files.readString(distReport)).contains("\"dossiers\" : 54");
        assertThat(firstDifference(Files.readAllLines(distReport), Files.readAllLines(repoReport)))
                .as("the first line where the zip's report differs from ./pilotcheck's").isEmpty();
        assertThat(Files.mismatch(distReport, repoReport)).as("byte for byte").isEqualTo(-1L);
        try (Stream<Path> entries = Files.list(cache.resolve("pilotcheck"))) {
            assertThat(entries.count()).as("it compiled its own rules into its own cache").isPositive();
        }
    }

    @Test
    void itExplainsItselfWithoutMaven() throws Exception {
        Path out = tmp.resolve("version.txt");
        int code = run(unpacked, Map.of("PATH", bin.toString(), "HOME", tmp.toString()), out, "bin/pilotcheck", "--version");
        assertThat(code).isZero();
        // the commit it was built from: a clone builds with its .git, a tree without one says so
        assertThat(Files.readString(out).strip()).matches("pilotcheck \\S+ \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)");
    }

    /** Through a chain of symbolic links, as an operator links it into /usr/local/bin ("Unable to access jarfile"). */
    @Test
    void itRunsThroughASymbolicLink() throws Exception {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Path relative = Files.createSymbolicLink(links.resolve("pc"), links.relativize(unpacked.resolve("bin/pilotcheck")));
        Files.createSymbolicLink(links.resolve("pilotcheck"), relative.getFileName());
        Path out = tmp.resolve("via-link.txt");
        int code = run(tmp, Map.of("PATH", bin.toString(), "HOME", tmp.toString()), out, "links/pilotcheck", "--version");
        assertThat(code).isZero();
        assertThat(Files.readString(out)).contains("pilotcheck");
    }

    /**
     * A JVM out of memory may have left any thread half-way (the embedded store once closed itself
     * so and served 503s behind a healthy /healthz): the launcher's JVM ends at once, exit 3, for a
     * supervisor to start again.
     */
    @Test
    void aJvmOutOfMemoryEndsAtOnce() throws Exception {
        Path out = tmp.resolve("oom.txt");
        // the JVM says so on standard output
        int code = run(unpacked, Map.of("PATH", bin.toString(), "HOME", tmp.toString(), "PILOTCHECK_JAVA_OPTS", "-Xmx12m"), out,
                "bin/pilotcheck", "check", "--no-cache", "fixtures/");
        assertThat(code).isEqualTo(3);
        assertThat(Files.readString(out)).contains("Terminating due to java.lang.OutOfMemoryError");
    }

    /** Line n of both reports where they first differ, or empty; a whole report is too long to show. */
    private static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(end)";
            String y = i < b.size() ? b.get(i) : "(end)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": zip " + x.strip() + " | repository " + y.strip();
            }
        }
        return "";
    }

    /** Runs a command in a folder with exactly the given environment; stdout to a file. */
    private static int run(Path dir, Map<String, String> env, Path stdout, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command) + " ends").isTrue();
        return p.exitValue();
    }
}
