package io.pilotcheck.serve;

import io.pilotcheck.TestRules;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code /metrics} as an operator's Prometheus reads it: Debian's {@code promtool check metrics}
 * accepts it (every family has its help text), the counters are there at 0 before their first
 * event, and the JVM, the process, the store's connections and the build are in it.
 */
class MetricsTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private static String get(CheckServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void everyFamilyIsThereFromTheStartWithItsHelpTextAndPromtoolAcceptsThePage() throws Exception {
        try (SubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(StoreLocation.Kind.SQLITE, tmp))) {
            CheckServer server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), UploadLimits.DEFAULTS,
                    line -> { }, store).start("127.0.0.1", 0);
            try {
                String before = get(server, "/metrics");
                assertThat(before).contains("pilotcheck_dossiers_checked_total{verdict=\"compliant\"} 0.0",
                        "pilotcheck_dossiers_checked_total{verdict=\"error\"} 0.0",
                        "pilotcheck_rule_reloads_total{built=\"false\"} 0.0", "pilotcheck_store_errors_total 0.0",
                        "pilotcheck_build{commit=\"" + io.pilotcheck.api.ToolVersion.commit() + "\",version=", "pilotcheck_store_connections_limit 8.0", "pilotcheck_store_connections_open ",
                        "jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage", "process_uptime_seconds");
                HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/check"))
                        .header("Content-Type", "application/yaml")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(Path.of("fixtures/03-dalian.yaml")))).build(),
                        HttpResponse.BodyHandlers.discarding());
                String after = get(server, "/metrics");
                assertThat(after).contains("pilotcheck_dossiers_checked_total{verdict=\"non_compliant\"} 1.0");
                for (String line : after.split("\n")) {
                    if (line.startsWith("# HELP ")) {
                        assertThat(line.split(" ", 4)).as(line).hasSize(4);
                        assertThat(line.split(" ", 4)[3]).as(line).isNotBlank();
                    }
                }
                assumeTrue(Files.isExecutable(PROMTOOL), "Debian's prometheus package (promtool) is not installed");
                Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
                promtool.getOutputStream().write(after.getBytes(StandardCharsets.UTF_8));
                promtool.getOutputStream().close();
                String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(promtool.exitValue()).as(said).isZero();
            } finally {
                server.close();
            }
        }
    }
}
