package io.pilotcheck.serve;

import io.pilotcheck.HeadlessChromium;
import io.pilotcheck.ReverseProxy;
import io.pilotcheck.TestRules;
import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.NewSubmission;
import io.pilotcheck.store.Source;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve --base-path /pilotcheck} behind Debian's nginx at that sub-path, in a real
 * Chromium: every link, form and script of every page stays under the sub-path, and each link
 * followed through the proxy answers.
 */
class BasePathBrowserTest {

    @TempDir
    Path tmp;

    @Test
    void everyLinkAndFormOfEveryPageStaysUnderTheSubPath() throws Exception {
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")))) {
            // a submission checked under older rules: the dashboard then offers its re-check form
            byte[] wuhai = Files.readAllBytes(Path.of("fixtures/01-wuhai.yaml"));
            BatchResult batch = Check.runToEnd(CheckRequest.of(TestRules.book(),
                    List.of(DossierInput.bytes("01-wuhai.yaml", wuhai))).withJobs(1)).batch();
            Instant at = Instant.now();
            store.record(new NewSubmission(at, null, Source.API, List.of(new NewSubmission.SubmittedFile("01-wuhai.yaml", wuhai)),
                    new EvaluationRecord(at, EvaluationRecord.SUBMITTED, "sha256:older", 30, "0.0.9", null, batch)));
            CheckServer server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                    UploadLimits.of(64L << 20, 10L << 20), line -> { }, () -> store, "/pilotcheck").start("127.0.0.1", 0);
            ChromeDriver browser = null;
            try (ReverseProxy proxy = ReverseProxy.start(tmp, "/pilotcheck", server.port())) {
                browser = HeadlessChromium.start(tmp);
                walk(browser, "http://127.0.0.1:" + proxy.port() + "/pilotcheck");
            } finally {
                if (browser != null) {
                    browser.quit();
                }
                server.close();
            }
        }
    }

    private void walk(ChromeDriver browser, String under) throws Exception {
        Set<String> followed = new LinkedHashSet<>();
        browser.get(under + "/");
        assertThat(browser.getTitle()).isEqualTo("低碳城市试点档案检查");
        followed.addAll(linksUnder(browser, under));

        for (int i = 0; i < 2; i++) {
            browser.get(under + "/");
            browser.findElement(By.cssSelector("input[name=files][multiple]:not([webkitdirectory])"))
                    .sendKeys(Path.of("fixtures/03-dalian.yaml").toAbsolutePath().toString());
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            HeadlessChromium.awaitTitle(browser, "低碳城市试点合规检查报告");
        }
        assertThat(browser.getCurrentUrl()).startsWith(under + "/");
        followed.addAll(linksUnder(browser, under));

        browser.findElement(By.id("kept")).click();
        assertThat(browser.findElement(By.id("files")).getText()).contains("03-dalian.yaml");
        followed.addAll(linksUnder(browser, under));

        browser.findElement(By.linkText("45 个试点总览")).click();
        assertThat(browser.getTitle()).isEqualTo("45 个试点总览");
        followed.addAll(linksUnder(browser, under));
        // the re-check's page and its form are under the sub-path, and lead back to the dashboard there
        browser.findElement(By.id("recheck-preview")).click();
        assertThat(browser.getCurrentUrl()).startsWith(under + "/pilots/recheck");
        followed.addAll(linksUnder(browser, under));
        browser.findElement(By.cssSelector("#recheck-form button")).click();
        HeadlessChromium.awaitTitle(browser, "已按当前规则重新检查");
        browser.findElement(By.id("back-to-dashboard")).click();
        awaitGone(browser, "old-rules");
        assertThat(browser.getCurrentUrl()).startsWith(under + "/pilots");
        browser.findElement(By.cssSelector("select[name=verdict] option[value=non_compliant]")).click();
        browser.findElement(By.cssSelector("form.filter button")).click();
        HeadlessChromium.awaitUrl(browser, "verdict=non_compliant");
        assertThat(browser.getCurrentUrl()).startsWith(under + "/pilots");
        followed.addAll(linksUnder(browser, under));

        browser.findElement(By.linkText("大连市")).click();
        assertThat(browser.getTitle()).isEqualTo("大连市");
        assertThat(browser.findElements(By.cssSelector("section.submission"))).hasSize(2);
        followed.addAll(linksUnder(browser, under));
        browser.findElement(By.linkText("English（英文）")).click();
        assertThat(browser.getTitle()).isEqualTo("Dalian");
        followed.addAll(linksUnder(browser, under));

        browser.get(under + "/no/such/page");
        assertThat(browser.findElement(By.id("error")).getAttribute("data-code")).isEqualTo("not_found");
        followed.addAll(linksUnder(browser, under));

        // every link met on the way answers through the proxy
        HttpClient http = HttpClient.newHttpClient();
        List<String> broken = new ArrayList<>();
        for (String link : followed) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(link.replaceAll("#.*", ""))).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                broken.add(r.statusCode() + " " + link);
            }
        }
        assertThat(broken).as("links that do not answer 200 through the proxy").isEmpty();
        assertThat(followed).as("links followed").hasSizeGreaterThan(20);
    }

    /** Every link, form, script and style sheet of the page, resolved as the browser resolves them; each must lie under {@code under}. */
    @SuppressWarnings("unchecked")
    private static List<String> linksUnder(ChromeDriver browser, String under) {
        List<String> targets = (List<String>) browser.executeScript("""
                return Array.from(document.querySelectorAll('a[href], form, script[src], link[href], img[src]'))
                  .map(e => e.tagName === 'FORM' ? e.action : (e.href || e.src));""");
        assertThat(targets).as("links and forms of " + browser.getCurrentUrl()).isNotEmpty()
                .allSatisfy(t -> assertThat(t).startsWith(under + "/"));
        List<String> gets = new ArrayList<>();
        List<String> forms = (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('form[method=post]')).map(f => f.action);");
        for (String t : targets) {
            if (!forms.contains(t)) {
                gets.add(t);
            }
        }
        return gets;
    }

    private static void awaitGone(ChromeDriver browser, String id) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (!(browser.findElements(By.id(id)).isEmpty() && "complete".equals(browser.executeScript("return document.readyState")))
                && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        assertThat(browser.findElements(By.id(id))).isEmpty();
    }
}
