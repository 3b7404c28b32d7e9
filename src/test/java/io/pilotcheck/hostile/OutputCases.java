package io.pilotcheck.hostile;

import io.pilotcheck.cli.CliTest;
import io.pilotcheck.hostile.HostileSuite.Case;
import io.pilotcheck.hostile.HostileSuite.Outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a command is told to write: a device, a FIFO, a link. As root a report renamed into place
 * over {@code /dev/null} replaced the machine's {@code /dev/null}; each case here fails so. As root
 * the devices are made by {@code mknod} in the scratch folder (never the machine's own); otherwise
 * the machine's {@code /dev/null} and {@code /dev/full} are used, which a user cannot replace anyway,
 * so there the case fails by the rename's "permission denied".
 */
final class OutputCases {

    private static final String SECTION = "Where reports and archives are written";

    private OutputCases() {
    }

    static List<Case> all() {
        return List.of(
                new Case(SECTION, "`check -f json -o` onto a character device like `/dev/null` (made by `mknod c 1 3` as root)",
                        "exit 0; still a character special file", s -> ontoDevice(s, "null", 3, "check", "-f", "json", "fixtures/02-shenyang.yaml")),
                new Case(SECTION, "`export -o` onto a device that is always full, like `/dev/full` (`mknod c 1 7` as root)",
                        "exit 2; still a character special file", s -> ontoDevice(s, "full", 7, "export", "--data", s.resolve("data").toString())),
                new Case(SECTION, "`check -f json -o` onto a FIFO (`mkfifo`) a reader is waiting on", "exit 0; still a fifo",
                        s -> ontoFifo(s, "check", "-f", "json", "fixtures/02-shenyang.yaml")),
                new Case(SECTION, "`export -o` onto a FIFO a reader is waiting on", "exit 0; still a fifo",
                        s -> ontoFifo(s, "export", "--data", s.resolve("data").toString())),
                new Case(SECTION, "`check -o` onto a symbolic link to a report of last quarter", "exit 0; still a symbolic link",
                        OutputCases::throughLink));
    }

    private static boolean root() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        id.waitFor();
        return "0".equals(uid);
    }

    private static Outcome ontoDevice(Path s, String name, int minor, String... command) throws Exception {
        Path device = Path.of("/dev", name);
        if (root()) {
            device = s.resolve(name);
            if (new ProcessBuilder("mknod", device.toString(), "c", "1", Integer.toString(minor)).start().waitFor() != 0) {
                return new Outcome("skipped", "mknod failed");
            }
        }
        String before = kind(device);
        CliTest.Run r = CliTest.run(withOutput(device, command));
        String after = kind(device);
        String said = r.err().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return new Outcome("exit " + r.code() + "; " + (after.equals(before) ? "still a " + after : "replaced by a " + after),
                said.replace(device.toString(), name));
    }

    /**
     * A reader ({@code cat}) opens the FIFO first. Were the FIFO replaced, the reader would wait on
     * the old one for ever: it is given ten seconds.
     */
    private static Outcome ontoFifo(Path s, String... command) throws Exception {
        Path fifo = s.resolve("out.fifo");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
            return new Outcome("skipped", "mkfifo is not available here");
        }
        String before = kind(fifo);
        Path got = s.resolve("got");
        Process reader = new ProcessBuilder("cat", fifo.toString()).redirectOutput(got.toFile()).start();
        CliTest.Run r = CliTest.run(withOutput(fifo, command));
        boolean ended = reader.waitFor(10, TimeUnit.SECONDS);
        reader.destroyForcibly();
        String after = kind(fifo);
        byte[] bytes = Files.readAllBytes(got);
        String what = bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K' ? "a zip"
                : new String(bytes, StandardCharsets.UTF_8).contains("\"dossiers\"") ? "the JSON report" : "nothing usable";
        return new Outcome("exit " + r.code() + "; " + (after.equals(before) ? "still a " + after : "replaced by a " + after),
                "its reader " + (ended ? "got " + what : "still waited after 10 s"));
    }

    private static Outcome throughLink(Path s) throws Exception {
        Path real = Files.writeString(s.resolve("2026Q3.txt"), "last quarter\n");
        Path link = Files.createSymbolicLink(s.resolve("latest.txt"), real.getFileName());
        CliTest.Run r = CliTest.run(withOutput(link, "check", "fixtures/02-shenyang.yaml"));
        boolean written = Files.readString(real, StandardCharsets.UTF_8).contains("02-shenyang.yaml");
        return new Outcome("exit " + r.code() + "; " + (Files.isSymbolicLink(link) ? "still a " : "replaced by a ") + kind(link),
                written ? "the file it points to holds the report" : "the file it points to was not written");
    }

    private static String[] withOutput(Path target, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("-o", target.toString(), "--lang", "en"));
        return args.toArray(String[]::new);
    }

    /** What stands at {@code p}, as {@code stat} names it ("character special file", "fifo", "regular file"). */
    private static String kind(Path p) throws Exception {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return "nothing";
        }
        Process stat = new ProcessBuilder("stat", "-c", "%F", p.toString()).start();
        String kind = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        stat.waitFor();
        return kind;
    }
}
