package io.pilotcheck.serve;

import io.pilotcheck.TestRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that misbehave on the wire: a multipart body cut off, a client that trickles one byte
 * a second. Each ends as an error (or a closed connection), and the server answers the next
 * request at once.
 */
class HostileClientTest {

    private static CheckServer server;

    @BeforeAll
    static void start() {
        // a short idle time and a low rate, so the test need not wait out the 30 s default
        server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                UploadLimits.of(1 << 20, 1 << 20).withTimings(200, 2_000), line -> { }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int health() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** The raw response, read until the server closes or a timeout passes; the body trickled if asked. */
    private static String exchange(byte[] head, byte[] body, long trickleMillis, long readTimeoutMillis) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout((int) readTimeoutMillis);
            OutputStream out = s.getOutputStream();
            try {
                out.write(head);
                out.flush();
                if (trickleMillis == 0) {
                    out.write(body);
                    out.flush();
                } else {
                    for (byte b : body) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(trickleMillis);
                    }
                }
            } catch (SocketException | InterruptedException closedOnUs) {
                // the server gave up on us: what it said, if anything, is in the input
            }
            InputStream in = s.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (SocketException e) {
                return "";
            }
        }
    }

    @Test
    void aTruncatedMultipartBodyIsABadRequest() throws Exception {
        String body = "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.yaml\"\r\n\r\ncity: 大连市\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/check?lang=en HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        String response = exchange(head.getBytes(StandardCharsets.UTF_8), bytes, 0, 10_000);
        assertThat(response).startsWith("HTTP/1.1 400").contains("\"code\" : \"bad_multipart\"");
        assertThat(health()).isEqualTo(200);
    }

    @Test
    void aClientTricklingOneByteASecondIsCutOffAndHoldsNoWorker() throws Exception {
        long t0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicReference<String> slowReply = new java.util.concurrent.atomic.AtomicReference<>("");
        String head = "POST /api/v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\nContent-Length: 480\r\n\r\n";
        Thread slow = new Thread(() -> {
            try {
                String reply = exchange(head.getBytes(StandardCharsets.UTF_8),
                        "city: 大连市\n".repeat(30).getBytes(StandardCharsets.UTF_8), 1_000, 20_000);
                slowReply.set(reply);
            } catch (IOException e) {
                // cut off, as it should be
            }
        });
        slow.start();
        Thread.sleep(1_500);
        assertThat(health()).isEqualTo(200); // the others are served meanwhile
        slow.join(30_000);
        assertThat(slow.isAlive()).isFalse();
        // cut off long before its 500-odd bytes could arrive at one a second
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(25_000);
        assertThat(slowReply.get()).satisfiesAnyOf(r -> assertThat(r).isEmpty(), r -> assertThat(r).startsWith("HTTP/1.1 408"));
        assertThat(health()).isEqualTo(200);
    }

    /** 20,000 made-up methods once made 20,000 series (and 14.5 MB of heap) in /metrics. */
    @Test
    void madeUpMethodsShareOneMetricLabel() throws Exception {
        for (int i = 0; i < 50; i++) {
            String head = "XMETHOD" + i + " /api/v1/rules HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            exchange(head.getBytes(StandardCharsets.UTF_8), new byte[0], 0, 10_000);
        }
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).doesNotContain("XMETHOD").contains("method=\"other\"");
        assertThat(CheckServer.methodLabel("GET")).isEqualTo("GET");
    }

    /** Jetty refused these itself, with its own HTML page. */
    @Test
    void whatJettyRefusesBeforeAnyRouteIsTheContractsJson() throws Exception {
        String nul = exchange("GET /api/v1/submissions/x%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8), new byte[0], 0, 10_000);
        assertThat(nul).startsWith("HTTP/1.1 400").contains("Content-Type: application/json")
                .contains("\"code\" : \"bad_request\"").doesNotContain("<html");
        String big = exchange(("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8), new byte[0], 0, 10_000);
        assertThat(big).startsWith("HTTP/1.1 431").contains("Content-Type: application/json")
                .contains("\"code\" : \"headers_too_large\"").doesNotContain("<html");
        assertThat(health()).isEqualTo(200);
    }

    /** A 500 is a bug; its log line was the exception's name alone, with nothing to say where. */
    @Test
    void anInternalErrorIsLoggedWithWhereItHappenedAndTheClientGetsTheContractsJson() throws Exception {
        java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        CheckServer broken = new CheckServer(() -> {
            throw new IllegalStateException("a bug in the rules supplier");
        }, UploadLimits.of(1 << 20, 1 << 20), log::add).start("127.0.0.1", 0);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + broken.port() + "/api/v1/rules")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("\"code\" : \"internal\"").doesNotContain("a bug in").doesNotContain("\tat ");
            String logged = String.join("\n", log);
            assertThat(logged).contains("error on GET /api/v1/rules").contains("a bug in the rules supplier")
                    .contains("\tat io.pilotcheck.serve.");
        } finally {
            broken.close();
        }
    }
}
