package io.pilotcheck.hostile;

import io.pilotcheck.cli.CliTest;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store once locked the command line out while {@code serve} ran: {@code history}
 * and {@code export} failed after 11 s ("The file is locked"), so a backup needed downtime. Now,
 * with the service running in a process of its own and a client submitting all the while,
 * {@code history}, {@code export} and {@code backup} succeed, and the backup opens as a
 * store holding what was acknowledged before it began.
 */
class StoreWhileServingTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void historyExportAndBackupWorkWhileTheServiceWrites() throws Exception {
        Path data = tmp.resolve("data");
        byte[] dalian = Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
        Process server = Jvm.start(tmp, List.of(), "serve", "--port", "0", "--data", data.toString(),
                "--cache-dir", tmp.resolve("cache").toString());
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        try {
            int port = Jvm.port(server);
            Thread client = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                        + "/api/v1/submissions?name=dalian.yaml")).header("Content-Type", "application/yaml")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(dalian)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            acknowledged.incrementAndGet();
                        }
                    } catch (IOException e) {
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            client.start();
            while (acknowledged.get() < 5) {
                Thread.sleep(20);
            }
            int before = acknowledged.get();

            CliTest.Run history = CliTest.run("history", "--lang", "en", "--limit", "0", "--data", data.toString(), "大连市");
            assertThat(history.code()).as(history.err()).isZero();
            assertThat(history.out()).contains("Dalian");
            CliTest.Run export = CliTest.run("export", "--lang", "en", "--data", data.toString(), "-o", tmp.resolve("a.zip").toString());
            assertThat(export.code()).as(export.err()).isZero();
            Path copy = tmp.resolve("backup.db");
            CliTest.Run backup = CliTest.run("backup", "--lang", "en", "--data", data.toString(), "-o", copy.toString());
            assertThat(backup.code()).as(backup.err()).isZero();
            assertThat(backup.err()).contains("wrote " + copy);

            stop.set(true);
            client.join(30_000);
            assertThat(acknowledged.get()).as("the service went on taking submissions").isGreaterThan(before);

            Path restored = tmp.resolve("restored");
            Files.createDirectories(restored);
            Files.copy(copy, restored.resolve(StoreLocation.FILE_NAME));
            try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(restored))) {
                assertThat(store.ids(Scope.all()).size()).isGreaterThanOrEqualTo(before).isLessThanOrEqualTo(acknowledged.get());
            }
        } finally {
            stop.set(true);
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(data))) {
            assertThat(store.ids(Scope.all())).hasSize(acknowledged.get());
        }
    }

    @Test
    void aPostgresqlStoreIsPointedToItsOwnTools() {
        CliTest.Run backup = CliTest.run("backup", "--lang", "en", "--db", "jdbc:postgresql://127.0.0.1:1/none",
                "-o", tmp.resolve("b.db").toString());
        assertThat(backup.code()).isEqualTo(2);
        assertThat(backup.err()).contains("pg_dump").contains("pilotcheck export");
        assertThat(tmp.resolve("b.db")).doesNotExist();
    }
}
