package io.pilotcheck.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What an IT department installs besides the jar: the systemd unit that systemd itself accepts,
 * a Windows launcher that starts the JVM as the Linux one does, and docs whose every link stays
 * inside the distribution.
 */
class PackagingTest {

    private static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");

    @TempDir
    Path tmp;

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        assumeTrue(Files.isExecutable(ANALYZE), "systemd-analyze is not installed");
        // verify checks that ExecStart's program exists: the unit, pointed at a stand-in for /opt/pilotcheck
        Path home = Files.createDirectories(tmp.resolve("opt/pilotcheck/bin"));
        Path launcher = Files.writeString(home.resolve("pilotcheck"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        String unit = Files.readString(Path.of("contrib/pilotcheck.service")).replace("/opt/pilotcheck", tmp.resolve("opt/pilotcheck").toString());
        assertThat(unit).contains("Restart=on-failure", "User=pilotcheck", "ExecStart=");
        Path copy = Files.writeString(tmp.resolve("pilotcheck.service"), unit);
        Process p = new ProcessBuilder(ANALYZE.toString(), "verify", copy.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // systemd in a container may grumble about its own state; nothing may be said of this unit
        List<String> aboutTheUnit = said.lines().filter(l -> l.contains("pilotcheck.service")).toList();
        assertThat(aboutTheUnit).as(said).isEmpty();
        assertThat(p.exitValue()).as(said).isZero();
    }

    @Test
    void theWindowsLauncherStartsTheJvmAsTheLinuxOneDoes() throws Exception {
        String sh = Files.readString(Path.of("src/dist/bin/pilotcheck"));
        String bat = Files.readString(Path.of("src/dist/bin/pilotcheck.bat"));
        for (String array : List.of("opts", "oom")) {
            Matcher m = Pattern.compile("(?m)^" + array + "=\\(([^)]*)\\)").matcher(sh);
            assertThat(m.find()).as(array).isTrue();
            for (String option : m.group(1).trim().split("\\s+")) {
                assertThat(bat).as(option).contains(option);
            }
        }
        // a service's heap: 1 GiB unless PILOTCHECK_HEAP says otherwise, on both
        assertThat(sh).contains("opts+=(\"-Xmx${PILOTCHECK_HEAP:-1g}\")");
        assertThat(bat).contains("set \"HEAP=1g\"", "if defined PILOTCHECK_HEAP set \"HEAP=%PILOTCHECK_HEAP%\"",
                "if /i \"%~1\"==\"serve\" set \"SERVE_OPTS=-Xmx%HEAP%\"", "%SERVE_OPTS%");
        // a service runs both JIT compilers, the other commands C1 alone, on both
        assertThat(sh).contains("  opts=(-XX:+UseSerialGC -Xmn48m)\n  opts+=(\"-Xmx${PILOTCHECK_HEAP:-1g}\")");
        assertThat(bat).contains("if /i \"%~1\"==\"serve\" set \"JIT=\"", "%JIT%");
    }

    @Test
    void everyLinkOfTheShippedDocsStaysInsideTheDistribution() throws Exception {
        // what src/assembly/dist.xml ships, besides the jar and launchers
        List<Path> shipped = List.of(Path.of("README.md"), Path.of("docs"), Path.of("rules"), Path.of("fixtures"),
                Path.of("bench/NOTES.md"), Path.of("bench/results.md"), Path.of("contrib"));
        assertThat(Files.readString(Path.of("src/assembly/dist.xml"))).contains("<directory>bench</directory>",
                "<include>*.md</include>", "<directory>contrib</directory>");
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        List<String> outside = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = link.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // a web address
                }
                Path resolved = page.toAbsolutePath().getParent().resolve(target).normalize();
                Path relative = Path.of("").toAbsolutePath().relativize(resolved);
                boolean inside = shipped.stream().anyMatch(relative::startsWith) && Files.exists(resolved);
                if (!inside) {
                    outside.add(page + " → " + target);
                }
            }
        }
        assertThat(outside).as("links that lead out of the zip or nowhere").isEmpty();
    }
}
