package io.pilotcheck.serve;

import io.pilotcheck.TestRules;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets checked when many ask at once. A request once took its admission slot before its body
 * arrived, so 64 uploads trickling in kept every other check out (503 busy), while four zips
 * within the limits, admitted together, ran the heap out. Now a request is admitted by the bytes
 * it holds in memory, reserved as they arrive, against a share of the heap.
 */
class AdmissionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> check(CheckServer server, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/check"))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void seventyUploadsTricklingInKeepNoOtherCheckOut() throws Exception {
        // a low minimum rate, so the trickling clients are not cut off during the test
        CheckServer server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                UploadLimits.of(1 << 20, 1 << 20).withTimings(1, 60_000), line -> { }).start("127.0.0.1", 0);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 70; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                        + "Content-Length: 100000\r\n\r\ncity: 大连市\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                slow.add(s);
            }
            Thread.sleep(500); // every one of them is in, reading its body
            HttpResponse<String> r = check(server, "application/yaml", Files.readAllBytes(Path.of("fixtures/03-dalian.yaml")));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
            server.close();
        }
    }

    @Test
    void aRequestNeedingMoreThanTheMemoryBudgetIsRefusedBeforeItIsInflated() throws Exception {
        CheckServer server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                UploadLimits.of(8 << 20, 1 << 20).withMemory(2 << 20), line -> { }).start("127.0.0.1", 0);
        try {
            // well within the zip limits (256 MiB inflated), but more than this server's budget
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                for (int i = 0; i < 4; i++) {
                    z.putNextEntry(new ZipEntry(i + ".yaml"));
                    // text that packs no tighter than a real dossier's, so no zip-bomb rule applies
                    StringBuilder noise = new StringBuilder("city: 大连市\n");
                    java.util.Random random = new java.util.Random(i);
                    while (noise.length() < 900_000) {
                        noise.append("# ").append(Long.toHexString(random.nextLong())).append('\n');
                    }
                    z.write(noise.toString().getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
            }
            HttpResponse<String> r = check(server, "application/zip", zip.toByteArray());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
            assertThat(r.body()).contains("upload_too_large").contains("2 MiB");
            // and nothing stays held: a small check is served next
            HttpResponse<String> small = check(server, "application/yaml", Files.readAllBytes(Path.of("fixtures/03-dalian.yaml")));
            assertThat(small.statusCode()).isEqualTo(200);
        } finally {
            server.close();
        }
    }

    @Test
    void whileAnUploadHoldsMostOfTheBudgetAnotherIsBusyWithRetryAfterThenServed() throws Exception {
        CheckServer server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                UploadLimits.of(4 << 20, 1 << 20).withTimings(1, 60_000).withMemory(1 << 20), line -> { }).start("127.0.0.1", 0);
        byte[] padded = (Files.readString(Path.of("fixtures/03-dalian.yaml")) + "#" + "x".repeat(300_000) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket slow = new Socket("127.0.0.1", server.port())) {
            OutputStream out = slow.getOutputStream();
            // 300 KB sent of 400: twice that is held until the rest arrives
            out.write(("POST /api/v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: 400000\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(padded, 0, 300_000);
            out.flush();
            Thread.sleep(500);
            HttpResponse<String> busy = check(server, "application/yaml", padded);
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.body()).contains("\"busy\"");
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
        }
        // the trickler gone, its bytes are given back
        long end = System.currentTimeMillis() + 10_000;
        int status = 0;
        while (status != 200 && System.currentTimeMillis() < end) {
            status = check(server, "application/yaml", padded).statusCode();
        }
        server.close();
        assertThat(status).isEqualTo(200);
    }

    @Test
    void aReservationPastWhatOthersHoldIsBusyAndAllIsGivenBackOnClose() {
        MemoryBudget budget = new MemoryBudget(100);
        MemoryBudget.Reservation a = budget.open();
        a.add(60);
        MemoryBudget.Reservation b = budget.open();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.add(50))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(503));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.add(101))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(413));
        a.close();
        b.add(50);
        assertThat(budget.used()).isEqualTo(50);
        b.close();
        assertThat(budget.used()).isZero();
    }
}
