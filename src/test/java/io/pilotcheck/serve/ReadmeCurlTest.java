package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.TestRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code curl} examples of the README and docs/serve.md, run as written by the shell against
 * a real server (its port put in for 8417), from a folder holding the fixtures and a
 * {@code batch.zip} of them: each must succeed and answer with a report.
 */
class ReadmeCurlTest {

    @TempDir
    static Path work;

    private static CheckServer server;
    private static io.pilotcheck.store.SubmissionStore store;

    @BeforeAll
    static void start() throws IOException {
        store = io.pilotcheck.store.sql.SqlSubmissionStore.open(io.pilotcheck.store.sql.StoreLocation.embedded(work.resolve("data")));
        server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                UploadLimits.DEFAULTS, line -> { }, store).start("127.0.0.1", 0);
        Path fixtures = Files.createDirectories(work.resolve("fixtures"));
        try (Stream<Path> all = Files.list(Path.of("fixtures"));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(work.resolve("batch.zip")))) {
            for (Path f : all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Files.copy(f, fixtures.resolve(f.getFileName()));
                zip.putNextEntry(new ZipEntry("fixtures/" + f.getFileName()));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void everyCurlExampleInTheDocsWorksAsShown() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) || System.getenv("CI") != null, "no curl here");
        List<String> examples = new ArrayList<>();
        examples.addAll(curlCommands(Path.of("README.md")));
        examples.addAll(curlCommands(Path.of("docs/serve.md")));
        assertThat(examples).as("curl examples in README.md and docs/serve.md").hasSizeGreaterThanOrEqualTo(4);
        for (String example : examples) {
            String command = example.replace("127.0.0.1:8417", "127.0.0.1:" + server.port());
            Files.deleteIfExists(work.resolve("report.html"));
            // --fail-with-body: an HTTP error is a failed command, as the example's reader would see it
            Process shell = new ProcessBuilder("bash", "-c",
                    "set -o pipefail; curl() { command curl -sS --fail-with-body \"$@\"; }; " + command)
                    .directory(work.toFile()).redirectErrorStream(true).start();
            byte[] out = shell.getInputStream().readAllBytes();
            assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(out, StandardCharsets.UTF_8);
            assertThat(shell.exitValue()).as(example + "\n" + output).isZero();
            if (command.contains("> report.html")) {
                assertThat(Files.readString(work.resolve("report.html"))).as(example).contains("<html").contains("section class=\"dossier");
            } else {
                // a check answers with the report; a kept submission with its id and the report
                com.fasterxml.jackson.databind.JsonNode json = new ObjectMapper().readTree(output);
                com.fasterxml.jackson.databind.JsonNode report = json.has("report") ? json.get("report") : json;
                assertThat(report.path("summary").path("dossiers").asInt()).as(example).isPositive();
            }
        }
    }

    /** The curl commands in a document's shell blocks, continuation lines joined. */
    static List<String> curlCommands(Path doc) throws IOException {
        List<String> commands = new ArrayList<>();
        boolean inShell = false;
        StringBuilder current = null;
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("```")) {
                inShell = line.equals("```sh");
                continue;
            }
            if (!inShell) {
                continue;
            }
            if (current == null && line.startsWith("curl ")) {
                current = new StringBuilder();
            }
            if (current != null) {
                current.append(line).append('\n');
                if (!line.stripTrailing().endsWith("\\")) {
                    commands.add(current.toString());
                    current = null;
                }
            }
        }
        return commands;
    }
}
