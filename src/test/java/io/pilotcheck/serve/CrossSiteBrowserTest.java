package io.pilotcheck.serve;

import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.sql.SqlSubmissionStore;

import com.sun.net.httpserver.HttpServer;
import io.pilotcheck.HeadlessChromium;
import io.pilotcheck.TestRules;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.SubmissionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page on another site, opened in a real Chromium on the reviewer's PC, tries what a page
 * once did: send a dossier to the API and to the page's form, and start re-checks, with requests
 * a browser sends without asking anyone ({@code no-cors} fetches with a multipart body, a form
 * posted to the server). The store stays as it was.
 */
class CrossSiteBrowserTest {

    @TempDir
    static Path tmp;

    private static CheckServer server;
    private static SubmissionStore store;
    private static HttpServer evil;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start(tmp);
        store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")));
        server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                UploadLimits.of(1 << 20, 1 << 20), line -> { }, store).start("127.0.0.1", 0);
        String dossier = Files.readString(Path.of("fixtures/03-dalian.yaml"), StandardCharsets.UTF_8)
                .replace("\\", "\\\\").replace("`", "\\`").replace("$", "\\$");
        String target = "http://127.0.0.1:" + server.port();
        String page = """
                <!DOCTYPE html><html><head><title>loading</title></head><body>
                <form id="f" method="post" action="%1$s/pilots/recheck" target="sink"></form>
                <iframe name="sink"></iframe>
                <script>
                const yaml = `%2$s`;
                function files() {
                  const body = new FormData();
                  body.append('files', new Blob([yaml], {type: 'application/yaml'}), '03-dalian.yaml');
                  return body;
                }
                const tries = [
                  fetch('%1$s/api/v1/submissions', {method: 'POST', mode: 'no-cors', body: files()}),
                  fetch('%1$s/?format=json', {method: 'POST', mode: 'no-cors', body: files()}),
                  fetch('%1$s/api/v1/recheck', {method: 'POST', mode: 'no-cors'}),
                ];
                document.getElementById('f').submit();
                Promise.allSettled(tries).then(() => setTimeout(() => { document.title = 'done'; }, 1500));
                </script></body></html>
                """.formatted(target, dossier);
        evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evil.createContext("/", exchange -> {
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        evil.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (evil != null) {
            evil.stop(0);
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aPageOnAnotherSiteKeepsNothingAndReChecksNothing() throws Exception {
        // localhost is another site than 127.0.0.1, as any web page is
        browser.get("http://localhost:" + evil.getAddress().getPort() + "/");
        long end = System.currentTimeMillis() + 30_000;
        while (!"done".equals(browser.getTitle()) && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        assertThat(browser.getTitle()).isEqualTo("done");
        assertThat(store.ids(Scope.all())).as("submissions made by another site's page").isEmpty();
    }
}
