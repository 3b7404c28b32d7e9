package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.TestRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 65 MiB body against the limits {@code pilotcheck serve} starts with (64 MiB): sent whole,
 * with its length declared and without (chunked, so only counting the bytes can stop it), it
 * ends as 413 {@code upload_too_large} and the server answers the next request.
 */
class DefaultUploadLimitTest {

    private static final int SIXTY_FIVE_MIB = 65 << 20;
    private static CheckServer server;

    @BeforeAll
    static void start() {
        server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                UploadLimits.DEFAULTS, line -> { }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDefaultLimitIs64MiB() {
        assertThat(UploadLimits.DEFAULTS.maxBody()).isEqualTo(64L << 20);
    }

    @Test
    void a65MiBBodyWithItsLengthIsRefusedAndTheServerGoesOn() throws Exception {
        String head = "POST /api/v1/check?lang=en HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                + "Content-Length: " + SIXTY_FIVE_MIB + "\r\nConnection: close\r\n\r\n";
        String response = exchange(head, false);
        assertThat(response).startsWith("HTTP/1.1 413").contains("\"code\" : \"upload_too_large\"").contains("64 MiB");
        assertThat(health()).isEqualTo(200);
    }

    @Test
    void a65MiBChunkedBodyIsCutOffAtTheLimitAndTheServerGoesOn() throws Exception {
        String head = "POST /api/v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        String response = exchange(head, true);
        assertThat(response).startsWith("HTTP/1.1 413").contains("\"code\" : \"upload_too_large\"");
        String json = response.substring(response.indexOf("\r\n\r\n") + 4);
        json = json.substring(json.indexOf('{'), json.lastIndexOf('}') + 1);
        assertThat(new ObjectMapper().readTree(json).at("/error/message").asText()).contains("64 MiB");
        assertThat(health()).isEqualTo(200);
    }

    /**
     * Sends the whole 65 MiB on one thread while reading the answer on another: the server may
     * answer (and stop reading) before the client has finished sending, as a browser's would.
     */
    private static String exchange(String head, boolean chunked) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(60_000);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[1 << 20];
                    Arrays.fill(chunk, (byte) '#');
                    for (int sent = 0; sent < SIXTY_FIVE_MIB; sent += chunk.length) {
                        if (chunked) {
                            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(chunk);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading after its answer: what a refused upload looks like
                }
            });
            byte[] answer = socket.getInputStream().readAllBytes();
            sending.join();
            return new String(answer, StandardCharsets.UTF_8);
        }
    }

    private static int health() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
