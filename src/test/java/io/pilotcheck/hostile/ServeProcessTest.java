package io.pilotcheck.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pilotcheck serve} as its own process: the start-up line, SIGTERM, and the loopback-only rule. */
class ServeProcessTest {

    @TempDir
    Path tmp;

    @Test
    void itNamesItsPortWhenReadyAndStopsOnSigtermWithExitZero() throws Exception {
        Process p = Jvm.start(tmp, List.of(), "serve", "--port", "0", "--cache-dir", tmp.resolve("cache").toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).matches("pilotcheck: serving on http://127\\.0\\.0\\.1:\\d+/");
            Matcher m = Pattern.compile(":(\\d+)/$").matcher(line);
            assertThat(m.find()).isTrue();
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + m.group(1) + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void anAddressBeyondLoopbackIsRefusedUntilAccessControlExists() throws Exception {
        Process p = Jvm.start(tmp, List.of(), "serve", "--bind", "0.0.0.0", "--port", "0");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("serve 只能绑定本机回环地址").contains("0.0.0.0");
    }
}
