package io.pilotcheck.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.hostile.HostileSuite.Case;
import io.pilotcheck.hostile.HostileSuite.Outcome;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.pilotcheck.hostile.HostileSuite.cli;
import static io.pilotcheck.hostile.HostileSuite.dossier;

/** Hostile files and folders that are not about content: sizes, devices, permissions, links, timing. */
final class FileSystemCases {

    private static final String SECTION = "Files, folders and the run";

    private FileSystemCases() {
    }

    static List<Case> all() {
        return List.of(
                new Case(SECTION, "A 100 MB file (a dossier and 100 MB of comments), default limit of 10 MiB",
                        "LCP-SCHEMA-09 at 1:1 (×1)",
                        s -> dossier(Map.of("big.yaml", HostileSuite.padded(s.resolve("big.yaml"), 100L << 20)),
                                LoadLimits.DEFAULT)),
                new Case(SECTION, "The same 100 MB file with the limit raised (`--max-file-size 200MiB`)",
                        "checked: compliant",
                        s -> dossier(Map.of("big.yaml", HostileSuite.padded(s.resolve("big.yaml"), 100L << 20)),
                                new LoadLimits(200L << 20, LoadLimits.DEFAULT.maxDepth()))),
                new Case(SECTION, "A 2 KB dossier over a lowered limit (`--max-file-size 1K`)",
                        "LCP-SCHEMA-09 at 1:1 (×1)",
                        s -> firstDossier("check", "--max-file-size", "1K", "fixtures/02-shenyang.yaml")),
                new Case(SECTION, "669,000 keys in one dossier (10 MiB, within the size limit; three such once stalled "
                        + "the service for a minute)", "LCP-SCHEMA-01 at 10001:1 (×1)", FileSystemCases::manyKeys),
                new Case(SECTION, "`/dev/zero`, a device that never ends", "LCP-SCHEMA-09 at 1:1 (×1)",
                        s -> dossier(Map.of("/dev/zero", Path.of("/dev/zero")), LoadLimits.DEFAULT)),
                new Case(SECTION, "An unreadable file (mode 000; read as an unprivileged user when the tests run as root)",
                        "LCP-SCHEMA-09 at 1:1 (×1)", FileSystemCases::unreadable),
                new Case(SECTION, "A file deleted between listing and reading", "LCP-SCHEMA-09 at 1:1 (×1)",
                        s -> dossier(Map.of("gone.yaml", s.resolve("gone.yaml")), LoadLimits.DEFAULT)),
                new Case(SECTION, "A folder holding a symbolic link to itself", "exit 0", FileSystemCases::symlinkLoop),
                new Case(SECTION, "A folder holding a named pipe called `b.yaml` (`mkfifo`)", "exit 0",
                        FileSystemCases::pipeInFolder),
                new Case(SECTION, "A path that does not exist", "exit 2", s -> cli("check", s.resolve("nowhere").toString())),
                new Case(SECTION, "Ctrl-C (SIGINT) while a batch is checked, with `--output`", "exit 130",
                        FileSystemCases::ctrlC),
                new Case(SECTION, "Rules compiled where the default charset is not UTF-8 (`-Dfile.encoding=GBK`, "
                        + "as on Chinese Windows; `LANG=C` likewise), with no compiled rules cached", "exit 1",
                        FileSystemCases::foreignDefaultCharset));
    }

    /**
     * Reading a pipe waits for a writer: listed, it would stop the batch. Should that come back,
     * a writer turns up after 20 s, so the case ends (and fails) instead of hanging the build.
     */
    private static Outcome pipeInFolder(Path s) throws Exception {
        Path dir = Files.createDirectories(s.resolve("in"));
        Files.copy(Path.of("fixtures", "02-shenyang.yaml"), dir.resolve("a.yaml"));
        Path pipe = dir.resolve("b.yaml");
        if (new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() != 0) {
            return new Outcome("skipped", "mkfifo is not available here");
        }
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(20_000);
                Files.write(pipe, new byte[0]);
            } catch (Exception e) {
                // the pipe is gone with the scratch folder: nothing was waiting
            }
        });
        writer.setDaemon(true);
        writer.start();
        io.pilotcheck.cli.CliTest.Run r = io.pilotcheck.cli.CliTest.run("check", dir.toString(), "-f", "json");
        writer.interrupt();
        int checked = new ObjectMapper().readTree(r.out()).at("/summary/dossiers").asInt();
        return new Outcome("exit " + r.code(), "passed over, never opened; " + checked + " dossier checked"
                + (r.err().isEmpty() ? "" : "; stderr: " + r.err().lines().findFirst().orElse("")));
    }

    private static Outcome manyKeys(Path s) throws Exception {
        Path file = s.resolve("many-keys.yaml");
        StringBuilder yaml = new StringBuilder("city: 沈阳市\n");
        for (int i = 1; yaml.length() < (10 << 20) - 20; i++) {
            yaml.append('k').append(i).append(": 1\n");
        }
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return dossier(Map.of("many-keys.yaml", file), LoadLimits.DEFAULT);
    }

    /** The outcome of the first dossier of a CLI run's JSON report (English). */
    private static Outcome firstDossier(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("-f", "json", "--lang", "en"));
        io.pilotcheck.cli.CliTest.Run r = io.pilotcheck.cli.CliTest.run(all.toArray(String[]::new));
        return fromJson(new ObjectMapper().readTree(r.out()).get("dossiers").get(0));
    }

    private static Outcome fromJson(com.fasterxml.jackson.databind.JsonNode d) {
        var f = d.get("findings").get(0);
        return new Outcome(f.get("rule").asText() + " at " + f.get("line").asInt() + ":" + f.get("column").asInt()
                + " (×" + d.get("findings").size() + ")", f.get("message").asText());
    }

    private static Outcome symlinkLoop(Path s) throws Exception {
        Path dir = Files.createDirectories(s.resolve("in"));
        Files.copy(Path.of("fixtures", "02-shenyang.yaml"), dir.resolve("shenyang.yaml"));
        Files.createSymbolicLink(dir.resolve("loop"), dir);
        io.pilotcheck.cli.CliTest.Run r = io.pilotcheck.cli.CliTest.run("check", dir.toString(), "-f", "json");
        int checked = new ObjectMapper().readTree(r.out()).at("/summary/dossiers").asInt();
        return new Outcome("exit " + r.code(), "the link is not followed; " + checked + " dossier checked"
                + (r.err().isEmpty() ? "" : "; stderr: " + r.err().lines().findFirst().orElse("")));
    }

    /**
     * Root reads a mode-000 file, so as root the check runs as {@code nobody} (setpriv), on a class
     * path linked where {@code nobody} can read it.
     */
    private static Outcome unreadable(Path s) throws Exception {
        Path dir = Files.createDirectories(s.resolve("in"));
        Path locked = dir.resolve("locked.yaml");
        Files.copy(Path.of("fixtures", "02-shenyang.yaml"), locked);
        Files.copy(Path.of("fixtures", "02-shenyang.yaml"), dir.resolve("shenyang.yaml"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (!"0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim())) {
            return dossier(Map.of("locked.yaml", locked), LoadLimits.DEFAULT);
        }
        openToAll(s);
        Path rules = s.resolve("rules");
        Jvm.linkTree(Path.of("rules"), rules);
        Process p = Jvm.start(s, List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                "check", "--lang", "en", "-f", "json", "--rules", rules.toString(), dir.toString());
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        if (json.isBlank()) {
            return new Outcome("no report (exit " + p.exitValue() + ")", err.lines().findFirst().orElse(""));
        }
        var report = new ObjectMapper().readTree(json);
        for (var d : report.get("dossiers")) {
            if (d.get("file").asText().endsWith("shenyang.yaml") && !d.get("verdict").asText().equals("compliant")) {
                return new Outcome("disturbed shenyang.yaml", "");
            }
            if (d.get("file").asText().endsWith("locked.yaml")) {
                return fromJson(d);
            }
        }
        return new Outcome("locked.yaml not reported", "");
    }

    /**
     * The DRL files are UTF-8 whatever the machine's locale: compiled under another default
     * charset, the rules' Chinese messages must come out whole (they came out as U+FFFD).
     */
    private static Outcome foreignDefaultCharset(Path s) throws Exception {
        Process p = Jvm.start(s, List.of(), List.of("-Dfile.encoding=GBK"), "check", "--no-cache", "--no-progress",
                "fixtures/01-wuhai.yaml");
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Outcome("did not end", "");
        }
        String line = out.lines().filter(l -> l.contains("LCP-INNO-01")).findFirst().orElse("no LCP-INNO-01 finding; " + err.get());
        if (line.contains("\uFFFD") || !line.contains("没有针对附件创新重点 4")) {
            return new Outcome("garbled: " + line, "");
        }
        return new Outcome("exit " + p.exitValue(), "the rules' Chinese messages come out whole");
    }

    /**
     * A FIFO named first in the batch holds the checker at a known point: the test presses Ctrl-C
     * while it waits there, waits for the acknowledgement, then lets the read finish.
     */
    private static Outcome ctrlC(Path s) throws Exception {
        Path fifo = s.resolve("aaa-wait.yaml");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        Path outDir = Files.createDirectories(s.resolve("out"));
        // one thread, so "how far it got" is exact: with more, the dossiers already handed out finish too
        Process p = Jvm.start(s, List.of(), "check", "--lang", "en", "--no-progress", "--jobs", "1", fifo.toString(),
                "fixtures/02-shenyang.yaml", "-f", "json", "-o", outDir.resolve("report.json").toString());
        // opening the FIFO for writing returns once the checker opens it for reading: it is in the batch
        CompletableFuture<OutputStream> writer = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.newOutputStream(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        OutputStream toChecker = writer.get(120, TimeUnit.SECONDS);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        String ack = err.readLine();
        while (ack != null && !ack.contains("Ctrl-C again")) {
            ack = err.readLine();
        }
        try (toChecker) {
            toChecker.write(Files.readAllBytes(Path.of("fixtures", "02-shenyang.yaml")));
        }
        String last = err.readLine();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Outcome("did not stop", ack);
        }
        try (var left = Files.list(outDir)) {
            List<Path> files = left.toList();
            if (!files.isEmpty()) {
                return new Outcome("exit " + p.exitValue() + " but left " + files, last);
            }
        }
        return new Outcome("exit " + p.exitValue(), ack + " / " + last);
    }

    /** The scratch folder and the suite's folder above it are private (700) when made; open them. */
    private static void openToAll(Path scratch) throws Exception {
        for (Path p : List.of(scratch, scratch.getParent())) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
