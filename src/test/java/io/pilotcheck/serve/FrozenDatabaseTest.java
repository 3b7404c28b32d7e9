package io.pilotcheck.serve;

import io.pilotcheck.store.sql.SqlSubmissionStore;

import io.pilotcheck.TestRules;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL that stops answering without closing its connections (a frozen VM, a stalled
 * disk, a network that drops packets) once hung every request for as long as it was frozen. The
 * real server is reached through a relay on loopback that can stop passing bytes on.
 */
class FrozenDatabaseTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Passes bytes between clients and the real server until frozen; frozen, it holds them. */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean frozen;

        Relay(String host, int port) throws IOException {
            Thread accept = new Thread(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket client = listening.accept();
                        Socket server = new Socket(host, port);
                        sockets.add(client);
                        sockets.add(server);
                        pump(client, server);
                        pump(server, client);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        private void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        while (frozen) {
                            Thread.sleep(20);
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // one side went away
                }
            });
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listening.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            frozen = false;
            listening.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFrozenDatabaseIsA503WithinSecondsAndReadyzAnswersWithinOne() throws Exception {
        StoreLocation real = TestDatabases.freshPostgres();
        URI inner = URI.create(real.url().substring("jdbc:".length()));
        try (Relay relay = new Relay(inner.getHost(), inner.getPort())) {
            StoreLocation relayed = StoreLocation.of(real.url().replace(inner.getHost() + ":" + inner.getPort(),
                    "127.0.0.1:" + relay.port()));
            try (SubmissionStore store = SqlSubmissionStore.open(relayed)) {
                CheckServer server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                        UploadLimits.of(1 << 20, 1 << 20), line -> { }, store).start("127.0.0.1", 0);
                try {
                    String base = "http://127.0.0.1:" + server.port();
                    byte[] dalian = Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
                    HttpRequest.Builder submit = HttpRequest.newBuilder(URI.create(base + "/api/v1/submissions"))
                            .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofByteArray(dalian));
                    assertThat(send(submit).statusCode()).isEqualTo(201);

                    relay.frozen = true;
                    long t0 = System.nanoTime();
                    HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(base + "/readyz")));
                    long readyMillis = (System.nanoTime() - t0) / 1_000_000;
                    assertThat(ready.statusCode()).isEqualTo(503);
                    assertThat(readyMillis).as("/readyz with the database frozen, ms").isLessThan(1_500);

                    t0 = System.nanoTime();
                    HttpResponse<String> refused = send(submit);
                    long submitMillis = (System.nanoTime() - t0) / 1_000_000;
                    assertThat(refused.statusCode()).isEqualTo(503);
                    assertThat(refused.body()).contains("store_unavailable").doesNotContain("SQL").doesNotContain("postgres");
                    assertThat(submitMillis).as("a submission with the database frozen, ms").isLessThan(30_000);

                    relay.frozen = false;
                    long end = System.currentTimeMillis() + 30_000;
                    int status = 0;
                    while (status != 201 && System.currentTimeMillis() < end) {
                        status = send(submit).statusCode();
                    }
                    assertThat(status).as("kept again once the database answers").isEqualTo(201);
                } finally {
                    server.close();
                }
            }
        }
    }
}
