package io.pilotcheck.hostile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts pilotcheck in a JVM of its own, for what cannot happen in-process: a signal, or another
 * user. The class path is the tests' own, linked into the scratch folder, jars and class folders
 * alike: they live in {@code ~/.m2} and in the clone, which another user may not enter (a clone
 * in {@code /root} or a {@code mktemp -d} folder is its owner's alone).
 */
final class Jvm {

    private Jvm() {
    }

    static Process start(Path scratch, List<String> prefix, String... args) throws IOException {
        return start(scratch, prefix, List.of(), args);
    }

    /** As {@link #start(Path, List, String...)}, with options for the JVM itself. */
    static Process start(Path scratch, List<String> prefix, List<String> jvmOptions, String... args) throws IOException {
        return start(scratch, prefix, jvmOptions, java.util.Map.of(), args);
    }

    /** As {@link #start(Path, List, List, String...)}, with these variables added to the environment. */
    static Process start(Path scratch, List<String> prefix, List<String> jvmOptions, java.util.Map<String, String> env, String... args)
            throws IOException {
        Path lib = Files.createDirectories(scratch.resolve("cp"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath()) {
            Path p = Path.of(entry);
            if (Files.exists(p)) {
                Path link = lib.resolve(n++ + "-" + p.getFileName());
                linkTree(p, link);
                entries.add(link.toString());
            }
        }
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", String.join(File.pathSeparator, entries),
                "io.pilotcheck.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (!prefix.isEmpty()) {
            // another user may not enter the clone, so it starts in the scratch folder
            builder.directory(scratch.toFile());
        }
        // serve keeps submissions under the data folder: a test's, never the user's
        builder.environment().put("XDG_DATA_HOME", scratch.resolve("xdg-data").toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The port a {@code serve} started by {@link #start} names in its start-up line (its first line on stdout). */
    static int port(Process serve) throws IOException {
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8)).readLine();
        org.assertj.core.api.Assertions.assertThat(line).startsWith("pilotcheck: serving on");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("://[^/]*:(\\d+)/").matcher(line);
        org.assertj.core.api.Assertions.assertThat(m.find()).as(line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** {@code from} at {@code to}: each file a hard link where the file system allows, else a copy. */
    static void linkTree(Path from, Path to) throws IOException {
        try (var all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path there = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(there);
                } else {
                    try {
                        Files.createLink(there, p);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(p, there);
                    }
                }
            }
        }
    }

    /** The test class path: surefire hands the JVM a one-jar manifest path, and the real one here. */
    private static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(File.pathSeparator));
    }
}
