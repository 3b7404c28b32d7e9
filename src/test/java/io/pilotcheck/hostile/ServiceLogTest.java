package io.pilotcheck.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's log once had no time, no client and no request id, started in Chinese and went
 * on in English, and could not be written to a file. Now each line has its time and level, a
 * request's line its client (through a trusted proxy), id, method, path, status, bytes and
 * milliseconds; {@code --log-format json} writes one JSON object a line and {@code --log-file} a
 * file; the start-up line names version, commit, rules, store and address; Drools says nothing.
 */
class ServiceLogTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void jsonLinesInARotatedFileWithTheClientBehindATrustedProxy() throws Exception {
        Path log = tmp.resolve("log").resolve("pilotcheck.log");
        Process server = Jvm.start(tmp, List.of(), "serve", "--port", "0", "--data", tmp.resolve("data").toString(),
                "--cache-dir", tmp.resolve("cache").toString(), "--log-format", "json", "--log-file", log.toString(),
                "--trust-proxy", "127.0.0.1");
        try {
            int port = Jvm.port(server);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .header("X-Forwarded-For", "198.51.100.4, 203.0.113.7").header("X-Request-Id", "proxy-42").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/check"))
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fixtures/03-dalian.yaml"))).build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line)); // every line is one JSON object
        }
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(l -> assertThat(l.path("loggerName").asText()).startsWith("pilotcheck."));
        JsonNode started = lines.stream().filter(l -> l.path("message").asText().contains("started")).findFirst().orElseThrow();
        assertThat(started.path("message").asText()).containsPattern("pilotcheck \\S+ \\(commit \\S+\\) started: rules ")
                .contains("store jdbc:sqlite:", "serving on http://127.0.0.1:");
        JsonNode health = lines.stream().filter(l -> l.path("message").asText().contains("/healthz")).findFirst().orElseThrow();
        assertThat(health.path("level").asText()).isEqualTo("INFO");
        assertThat(health.path("timestamp").asLong()).isPositive();
        assertThat(health.toString()).contains("\"client\"", "203.0.113.7", "proxy-42").doesNotContain("198.51.100.4");
        assertThat(lines).noneMatch(l -> l.path("message").asText().contains("\u5927\u8fde")); // no Chinese: logs are English
    }

    @Test
    void textLinesOnStderrCarryTimeLevelAndRequest() throws Exception {
        Process server = Jvm.start(tmp, List.of(), "serve", "--port", "0", "--data", tmp.resolve("data").toString(),
                "--cache-dir", tmp.resolve("cache").toString());
        List<String> err = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            // read as it comes: destroying the process closes the stream
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    err.add(line);
                }
            } catch (IOException closed) {
                // the process is gone
            }
        });
        reader.start();
        try {
            int port = Jvm.port(server);
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).header("X-Forwarded-For", "203.0.113.7")
                    .build(), HttpResponse.BodyHandlers.discarding());
            long deadline = System.currentTimeMillis() + 10_000;
            while (err.stream().noneMatch(l -> l.contains("/healthz")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
        }
        String health = err.stream().filter(l -> l.contains("/healthz")).findFirst().orElseThrow();
        // no trusted proxy named: the header is not believed
        assertThat(health).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  127\\.0\\.0\\.1 [0-9a-f]{16} GET /healthz 200 \\d+ \\d+ms");
        assertThat(err).anyMatch(l -> l.matches("\\S+ INFO  pilotcheck \\S+ \\(commit \\S+\\) started: .*"));
    }

    @Test
    void aStartThatFailsIsLoggedInEnglishWhereTheOperatorReadsIt() throws Exception {
        Path log = tmp.resolve("pilotcheck.log");
        Path notAFolder = Files.writeString(tmp.resolve("file"), "x");
        io.pilotcheck.cli.CliTest.Run run = io.pilotcheck.cli.CliTest.run("serve", "--port", "0", "--data",
                notAFolder.resolve("data").toString(), "--log-file", log.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("无法打开").doesNotContain("\tat "); // the reader's language on stderr
        assertThat(Files.readString(log)).contains("ERROR", "cannot open the store of submissions").doesNotContain("无法");
    }
}
