package io.pilotcheck.serve;

import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.sql.SqlSubmissionStore;

import io.pilotcheck.TestRules;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.SubmissionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Desktop mode's guard over a real port, with the headers a browser (or an attacker posing as
 * one) sends: a rebound host name, another site's {@code Origin}, {@code Sec-Fetch-Site}. Each
 * of these once got a 200 or 201.
 */
class BrowserGuardTest {

    @TempDir
    static Path tmp;

    private static CheckServer server;
    private static SubmissionStore store;

    @BeforeAll
    static void start() {
        store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")));
        server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                UploadLimits.of(1 << 20, 1 << 20), line -> { }, store).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    /** The raw response to one request written as given, with a YAML body when there is one. */
    private static String send(String method, String path, String... headers) throws IOException {
        byte[] body = method.equals("POST") ? Files.readAllBytes(Path.of("fixtures/03-dalian.yaml")) : new byte[0];
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nConnection: close\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        if (body.length > 0) {
            head.append("Content-Type: application/yaml\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String own() {
        return "127.0.0.1:" + server.port();
    }

    @Test
    void onlyLoopbackHostNamesAreServedSoDnsRebindingReadsNothing() throws Exception {
        assertThat(send("GET", "/api/v1/submissions", "Host: attacker.example")).startsWith("HTTP/1.1 421")
                .contains("\"code\" : \"bad_host\"");
        assertThat(send("GET", "/pilots", "Host: attacker.example:" + server.port())).startsWith("HTTP/1.1 421");
        for (String host : List.of("localhost:" + server.port(), own(), "[::1]:" + server.port(), "LOCALHOST", "127.0.0.1")) {
            assertThat(send("GET", "/api/v1/submissions", "Host: " + host)).as(host).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aStateChangingRequestFromAnotherSiteIsRefusedAndKeepsNothing() throws Exception {
        int before = store.ids(Scope.all()).size();
        assertThat(send("POST", "/api/v1/submissions", "Host: " + own(), "Origin: http://evil.example"))
                .startsWith("HTTP/1.1 403").contains("\"code\" : \"csrf\"");
        assertThat(send("POST", "/api/v1/submissions", "Host: " + own(), "Origin: null")).startsWith("HTTP/1.1 403");
        assertThat(send("POST", "/api/v1/submissions", "Host: " + own(), "Origin: http://localhost:" + server.port()))
                .as("another name for the same server is another origin").startsWith("HTTP/1.1 403");
        assertThat(send("POST", "/api/v1/recheck", "Host: " + own(), "Sec-Fetch-Site: cross-site")).startsWith("HTTP/1.1 403");
        assertThat(send("POST", "/pilots/recheck", "Host: " + own(), "Origin: http://127.0.0.1:1")).startsWith("HTTP/1.1 403");
        assertThat(send("POST", "/api/v1/check", "Host: " + own(), "Origin: http://evil.example")).startsWith("HTTP/1.1 403");
        assertThat(store.ids(Scope.all())).hasSize(before);

        assertThat(send("POST", "/api/v1/submissions", "Host: " + own(), "Origin: http://" + own(),
                "Sec-Fetch-Site: same-origin")).as("the server's own page").startsWith("HTTP/1.1 201");
        assertThat(send("POST", "/api/v1/submissions", "Host: " + own())).as("a tool sends no Origin").startsWith("HTTP/1.1 201");
        assertThat(store.ids(Scope.all())).hasSize(before + 2);
        assertThat(send("GET", "/api/v1/submissions", "Host: " + own(), "Origin: http://evil.example"))
                .as("reading is not refused by Origin; the browser's same-origin policy keeps the answer from the page")
                .startsWith("HTTP/1.1 200").doesNotContain("Access-Control-Allow-Origin");
    }

    @Test
    void everyAnswerForbidsFramingSniffingAndScriptsFromElsewhere() throws Exception {
        for (String path : List.of("/", "/pilots", "/no/such/page", "/api/v1/rules")) {
            String response = send("GET", path, "Host: " + own(), "Accept: text/html");
            assertThat(response).as(path)
                    .contains("Content-Security-Policy: " + BrowserGuard.CONTENT_SECURITY_POLICY)
                    .contains("X-Content-Type-Options: nosniff").contains("X-Frame-Options: DENY")
                    .contains("Referrer-Policy: same-origin").doesNotContain("Access-Control-Allow-Origin");
        }
        assertThat(BrowserGuard.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'")
                .doesNotContain("script-src 'self' 'unsafe-inline'").doesNotContain("'unsafe-eval'");
        String page = send("GET", "/", "Host: " + own());
        assertThat(page).contains("<script src=\"" + UploadPage.SCRIPT_PATH + "\"></script>")
                .doesNotContain("<script>");
        assertThat(send("GET", UploadPage.SCRIPT_PATH, "Host: " + own())).startsWith("HTTP/1.1 200")
                .contains("Content-Type: text/javascript").contains("XMLHttpRequest");
    }

    @Test
    void theHostNameOfAHostHeaderIsReadWithoutItsPort() {
        assertThat(BrowserGuard.hostName("LocalHost:8080")).isEqualTo("localhost");
        assertThat(BrowserGuard.hostName("[::1]:8080")).isEqualTo("[::1]");
        assertThat(BrowserGuard.hostName("127.0.0.1")).isEqualTo("127.0.0.1");
    }
}
