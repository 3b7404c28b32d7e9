package io.pilotcheck.cli;

import sun.misc.Signal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * <p>Then it serves: {@code pilotcheck serve --port 0} answers a YAML body, the fixtures as a
 * multipart upload (HTML and JSON), the page and the metrics, and stops on SIGTERM, so that a
 * service's first request finds Jetty's and Javalin's classes in the archive too.
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
        serve(Path.of(args[0]), err);
    }

    private static void serve(Path fixtures, PrintWriter err) throws IOException {
        StringWriter started = new StringWriter();
        int[] code = {-1};
        // the store under the build's cache folder, never the user's data folder
        String data = Path.of(System.getenv("PILOTCHECK_CACHE_DIR")).resolveSibling("cds-data").toString();
        Thread server = new Thread(() -> code[0] = Main.run(new String[] {"serve", "--port", "0", "--data", data},
                new PrintWriter(started, true), new PrintWriter(Writer.nullWriter())), "cds-serve");
        server.start();
        try {
            String base = awaitAddress(started, server);
            HttpClient http = HttpClient.newHttpClient();
            List<Path> dossiers;
            try (Stream<Path> all = Files.list(fixtures)) {
                dossiers = all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
            send(http, HttpRequest.newBuilder(URI.create(base + "api/v1/check"))
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofFile(dossiers.get(0))).build());
            for (String format : List.of("json", "html")) {
                send(http, HttpRequest.newBuilder(URI.create(base + "api/v1/check?format=" + format))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(dossiers))).build());
            }
            for (String path : List.of("", "metrics", "readyz", "api/v1/rules")) {
                send(http, HttpRequest.newBuilder(URI.create(base + path)).GET().build());
            }
            Signal.raise(new Signal("TERM"));
            server.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (code[0] != ExitCode.OK.code()) {
            err.println("pilotcheck: the training run of serve ended with exit " + code[0]);
            System.exit(2);
        }
    }

    private static final String BOUNDARY = "pilotcheck-training";

    private static String awaitAddress(StringWriter started, Thread server) throws InterruptedException {
        while (server.isAlive()) {
            int at = started.toString().indexOf("http://");
            if (at >= 0 && started.toString().endsWith("/" + System.lineSeparator())) {
                return started.toString().substring(at).strip();
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("serve stopped before it printed its address");
    }

    private static void send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode());
        }
    }

    private static byte[] multipart(List<Path> dossiers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path dossier : dossiers) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + dossier.getFileName() + "\"\r\nContent-Type: application/x-yaml\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(dossier));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
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
