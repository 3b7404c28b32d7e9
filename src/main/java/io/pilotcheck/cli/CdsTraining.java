package io.pilotcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's training run for the class-data-sharing archive ({@code target/pilotcheck.jsa}),
 * not a user command: the JVM dumps every class this process loads, and {@code ./pilotcheck}
 * then starts with them already parsed and verified.
 *
 * <p>Why one process checks the fixtures three times: the first run finds the compiled-rules
 * cache empty and compiles the rules, as a run after a rule edit does; the next two load them
 * from the cache, as most runs do, once with the text report and once with JSON. An archive of
 * the cache-hit runs alone left the rule compiler's classes (about 0.5 s of CPU to load and
 * verify) to every run after an edit.
 *
 * <p>The cache is {@code $PILOTCHECK_CACHE_DIR} (the build sets it under {@code target/}) and is
 * emptied first; no option names it, so the runs take the same path as a plain
 * {@code pilotcheck check}, which loads the rules while it parses its options.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    /** {@code CdsTraining FIXTURES}: trains on that folder; exits 2 if a run could not check. */
    public static void main(String[] args) throws IOException {
        String cache = System.getenv("PILOTCHECK_CACHE_DIR");
        if (args.length != 1 || cache == null) {
            System.err.println("usage: PILOTCHECK_CACHE_DIR=DIR java -XX:ArchiveClassesAtExit=A -cp pilotcheck.jar "
                    + CdsTraining.class.getName() + " FIXTURES");
            System.exit(2);
        }
        empty(Path.of(cache));
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        for (List<String> run : List.of(
                List.of("check", "--no-progress", args[0]),
                List.of("check", "--no-progress", args[0]),
                List.of("check", "--no-progress", "-f", "json", args[0]))) {
            int code = Main.run(run.toArray(String[]::new), quiet, err);
            if (code != ExitCode.OK.code() && code != ExitCode.FINDINGS.code()) {
                err.println("pilotcheck: the training run " + run + " could not check (exit " + code + ")");
                System.exit(2);
            }
        }
    }

    private static void empty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
