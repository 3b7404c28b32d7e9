package io.pilotcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.cli.CliTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;


import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import org.openqa.selenium.print.PrintOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static io.pilotcheck.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;


/**
 * The HTML report in a real browser: Debian's headless Chromium, driven through its chromedriver.
 * The page must load with no console error and no request at all (it is self-contained), its
 * counts must equal the JSON report's, and it must print. A screenshot and the printed PDF are
 * kept in {@code target/artefacts/}. On CI ({@code CI} set) a missing browser fails the test;
 * elsewhere it is skipped ({@code .ci/run} installs {@code chromium chromium-driver}).
 */
class HtmlReportBrowserTest {

    private static final Path ARTEFACTS = Path.of("target", "artefacts");

    @TempDir
    static Path tmp;

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = io.pilotcheck.HeadlessChromium.start(tmp);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static List<LogEntry> load(Path page) {
        browser.get(page.toUri().toString());
        return browser.manage().logs().get(LogType.BROWSER).getAll();
    }

    private static List<LogEntry> errors(List<LogEntry> entries) {
        return entries.stream().filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }

    @Test
    void theChineseReportLoadsCleanlyOffTheNetworkAndItsCountsEqualTheJsonReport() throws IOException {
        Path json = tmp.resolve("report.json");
        Path html = tmp.resolve("report.html");
        CliTest.Run r = run("check", "fixtures/", "-f", "json", "-o", json.toString(), "-f", "html", "-o", html.toString());
        assertThat(r.code()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(json.toFile());

        assertThat(errors(load(html))).isEmpty();
        Object requests = ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').length");
        assertThat(((Number) requests).intValue()).as("requests the page made").isZero();
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");

        Map<String, Integer> counts = new HashMap<>();
        for (WebElement e : browser.findElements(By.cssSelector("[data-count]"))) {
            counts.put(e.getDomAttribute("data-count"), Integer.parseInt(e.getText().trim()));
        }
        JsonNode s = report.get("summary");
        assertThat(counts).containsEntry("dossiers", s.get("dossiers").asInt())
                .containsEntry("compliant", s.get("compliant").asInt())
                .containsEntry("non_compliant", s.get("non_compliant").asInt())
                .containsEntry("errors", s.get("errors").asInt())
                .containsEntry("violation", s.at("/findings/violation").asInt())
                .containsEntry("warning", s.at("/findings/warning").asInt())
                .containsEntry("pending", s.at("/findings/pending").asInt())
                .containsEntry("error", s.at("/findings/error").asInt())
                .containsEntry("rules", report.at("/rules/count").asInt());

        int total = 0;
        for (JsonNode d : report.get("dossiers")) {
            String file = d.get("file").asText();
            List<WebElement> rows = browser.findElements(
                    By.cssSelector("section.dossier[data-file='" + file + "'] tr.finding"));
            assertThat(rows).as(file).hasSize(d.get("findings").size());
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i).getDomAttribute("data-rule")).isEqualTo(d.at("/findings/" + i + "/rule").asText());
            }
            total += rows.size();
        }
        assertThat(browser.findElements(By.cssSelector("tr.finding"))).hasSize(total);
        assertThat(browser.findElements(By.cssSelector("section.dossier"))).hasSize(report.get("dossiers").size());
        assertThat(browser.findElements(By.cssSelector("table.matrix tr.pilot-row"))).hasSize(45);
        assertThat(browser.findElements(By.cssSelector("table.matrix tr.pilot-row td.cell")))
                .hasSize(45 * report.at("/rules/count").asInt());
        assertThat(browser.findElements(By.cssSelector("#chart-verdicts svg rect.bar"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("section.dossier tr.finding")).getText()).contains("二（四）");

        Files.createDirectories(ARTEFACTS);
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1400, (int) Math.min(height, 16000)));
        Files.write(ARTEFACTS.resolve("html-report.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1400, 1000));

        PrintOptions print = new PrintOptions();
        print.setOrientation(PrintOptions.Orientation.LANDSCAPE);
        Pdf pdf = browser.print(print);
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        Files.write(ARTEFACTS.resolve("html-report.pdf"), bytes);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF");
        assertThat(text.split("/Type\\s*/Page[^s]", -1).length - 1).as("printed pages").isGreaterThan(3);
    }

    @Test
    void theEnglishReportIsInEnglish() throws IOException {
        Path html = tmp.resolve("report-en.html");
        assertThat(run("check", "fixtures/", "--lang", "en", "-f", "html", "-o", html.toString()).code()).isEqualTo(1);
        assertThat(errors(load(html))).isEmpty();
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Low-carbon pilot compliance report");
        assertThat(browser.findElement(By.cssSelector("table.matrix tr.pilot-row")).getText()).contains("Wuhai");
    }

    @Test
    void theConsoleCheckCatchesAPageWithAScriptError() throws IOException {
        Path broken = tmp.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><body><script>notDefinedAnywhere();</script></body></html>");
        assertThat(errors(load(broken))).isNotEmpty();
    }
}
