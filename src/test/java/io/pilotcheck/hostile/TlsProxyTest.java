package io.pilotcheck.hostile;

import io.pilotcheck.ReverseProxy;
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
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docs/operations.md's nginx configuration, run as it stands (its ports, certificate paths and
 * upstream put in): the service behind it over HTTPS at its sub-path, plain HTTP redirected, and
 * the service's log naming the client the proxy forwarded and nginx's request id.
 */
class TlsProxyTest {

    @TempDir
    Path tmp;

    @Test
    void theDocumentedProxyServesOverHttpsAndTheLogNamesClientAndRequestId() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/openssl"));
        if (!present && System.getenv("CI") != null) {
            fail("CI needs openssl (.ci/run installs it)");
        }
        assumeTrue(present, "no openssl here; .ci/run installs it");
        Path cert = tmp.resolve("fullchain.pem");
        Path key = tmp.resolve("privkey.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=pilotcheck.example", "-addext", "subjectAltName=IP:127.0.0.1,DNS:pilotcheck.example",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String said = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(said).isZero();

        Path log = tmp.resolve("pilotcheck.log");
        Process server = Jvm.start(tmp, List.of(), "serve", "--port", "0", "--data", tmp.resolve("data").toString(),
                "--cache-dir", tmp.resolve("cache").toString(), "--base-path", "/pilotcheck", "--trust-proxy", "127.0.0.1",
                "--log-file", log.toString());
        ReverseProxy nginx = null;
        try {
            int upstream = Jvm.port(server);
            int http = ReverseProxy.freePort();
            int https = ReverseProxy.freePort();
            String servers = OperationsDoc.block("nginx", "nginx")
                    .replace("listen 80;", "listen 127.0.0.1:" + http + ";")
                    .replace("listen 443 ssl;", "listen 127.0.0.1:" + https + " ssl;")
                    .replace("/etc/ssl/pilotcheck/fullchain.pem", cert.toString())
                    .replace("/etc/ssl/pilotcheck/privkey.pem", key.toString())
                    .replace("http://127.0.0.1:8417", "http://127.0.0.1:" + upstream);
            nginx = ReverseProxy.run(tmp, servers, https);

            HttpClient client = io.pilotcheck.ReverseProxy.trusting(cert);

            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + https + "/pilotcheck/"))
                    .header("X-Forwarded-For", "203.0.113.9").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("/pilotcheck/");
            String requestId = page.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(requestId).matches("[0-9a-f]{32}"); // nginx's $request_id, kept by the service

            HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http + "/pilotcheck/pilots")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(301);
            assertThat(plain.headers().firstValue("Location").orElseThrow()).startsWith("https://127.0.0.1").endsWith("/pilotcheck/pilots");

            long deadline = System.currentTimeMillis() + 10_000;
            String line = "";
            while (System.currentTimeMillis() < deadline) {
                line = Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(requestId)).findFirst().orElse("") : "";
                if (!line.isEmpty()) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(line).contains("203.0.113.9 " + requestId + " GET /pilotcheck/ 200");
        } finally {
            if (nginx != null) {
                nginx.close();
            }
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
