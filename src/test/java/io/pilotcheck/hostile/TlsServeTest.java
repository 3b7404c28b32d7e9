package io.pilotcheck.hostile;

import io.pilotcheck.TestRules;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code serve --tls-cert FILE --tls-key FILE} (docs/spec/access.md, "Transport and headers"):
 * HTTPS straight from the service, with HSTS and a {@code Secure} session cookie; a key in
 * either PEM form; a key that is not the certificate's, or one file without the other, stops the
 * start with a message.
 */
class TlsServeTest {

    @TempDir
    Path tmp;
    private Path cert;
    private Path key;

    @BeforeEach
    void certificate() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/openssl"));
        if (!present && System.getenv("CI") != null) {
            fail("CI needs openssl (.ci/run installs it)");
        }
        assumeTrue(present, "no openssl here; .ci/run installs it");
        cert = tmp.resolve("fullchain.pem");
        key = tmp.resolve("privkey.pem");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=pilotcheck.example",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:pilotcheck.example", "-keyout", key.toString(), "-out", cert.toString());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(said).isZero();
    }

    @Test
    void servesHttpsWithHstsAndASecureCookie() throws Exception {
        Path data = tmp.resolve("data");
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(data))) {
            new Accounts(store, () -> TestRules.book().registry()).add("admin", null, Accounts.AccountRole.admin, List.of(), null,
                    "admin password", "cli", null, Instant.now());
        }
        // the PKCS#1 form some tools still write
        Path pkcs1 = tmp.resolve("rsa.pem");
        run("openssl", "rsa", "-traditional", "-in", key.toString(), "-out", pkcs1.toString());
        assertThat(Files.readString(pkcs1)).contains("BEGIN RSA PRIVATE KEY");
        Process server = Jvm.start(tmp, List.of(), "serve", "--port", "0", "--data", data.toString(),
                "--cache-dir", tmp.resolve("cache").toString(), "--tls-cert", cert.toString(), "--tls-key", pkcs1.toString());
        try {
            int port = Jvm.port(server);
            HttpClient client = io.pilotcheck.ReverseProxy.trusting(cert);
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=admin&password=admin+password&next=%2F")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure", "HttpOnly", "SameSite=Lax");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKeyThatIsNotTheCertificatesOrAMissingFileStopsTheStart() throws Exception {
        Path other = tmp.resolve("other.pem");
        run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", other.toString());
        Process wrong = Jvm.start(tmp, List.of(), "serve", "--port", "0", "--data", tmp.resolve("data").toString(),
                "--tls-cert", cert.toString(), "--tls-key", other.toString());
        assertThat(wrong.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.exitValue()).isEqualTo(2);
        assertThat(new String(wrong.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("无法提供 HTTPS", "other.pem", cert.getFileName().toString());
        Process half = Jvm.start(tmp, List.of(), "serve", "--port", "0", "--data", tmp.resolve("data").toString(),
                "--tls-cert", cert.toString(), "--lang", "en");
        assertThat(half.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(half.exitValue()).isEqualTo(2);
        assertThat(new String(half.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--tls-cert and --tls-key go together");
    }
}
