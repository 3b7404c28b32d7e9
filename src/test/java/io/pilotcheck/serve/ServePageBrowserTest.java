package io.pilotcheck.serve;

import io.pilotcheck.HeadlessChromium;
import io.pilotcheck.TestRules;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reviewers' page in a real headless Chromium: upload the fixtures folder, see the 54
 * dossiers and their verdicts, switch to English, download the workbook and open it.
 */
class ServePageBrowserTest {

    private static final Path ARTEFACTS = Path.of("target", "artefacts");

    @TempDir
    static Path tmp;

    private static CheckServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        browser = HeadlessChromium.start(tmp);
        server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                UploadLimits.of(64L << 20, 10L << 20), line -> { }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Test
    void aFolderUploadedFromThePageGivesTheReportAndTheWorkbookDownloads() throws Exception {
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("低碳城市试点档案检查");
        Files.createDirectories(ARTEFACTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), ARTEFACTS.resolve("serve-page.png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.cssSelector("input[webkitdirectory]")).sendKeys(Path.of("fixtures").toAbsolutePath().toString());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // the page's script sends the form itself (for its progress bar) and then shows the answer
        awaitTitle("低碳城市试点合规检查报告");
        assertThat(browser.findElements(By.cssSelector("section.dossier"))).hasSize(54);
        assertThat(browser.findElement(By.cssSelector("[data-file$='03-dalian.yaml'] .verdict")).getText()).isEqualTo("不合规");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), ARTEFACTS.resolve("serve-report.png"),
                StandardCopyOption.REPLACE_EXISTING);
        // the report opens with the same results in every other format
        browser.findElement(By.cssSelector("#downloads a[data-format=xlsx]")).click();
        Path downloads = tmp.resolve("downloads");
        File chinese = awaitDownload(downloads, ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(chinese)) {
            assertThat(wb.getSheet("发现")).isNotNull();
            assertThat(wb.getSheet("发现").getPhysicalNumberOfRows()).isGreaterThan(54);
        }
        Files.delete(chinese.toPath());

        browser.get(url("/"));
        browser.findElement(By.linkText("English（英文）")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Low-carbon pilot dossier check");
        browser.findElement(By.cssSelector("input[name=files][multiple]:not([webkitdirectory])"))
                .sendKeys(Path.of("fixtures/03-dalian.yaml").toAbsolutePath() + "\n" + Path.of("fixtures/08-jiaxing.yaml").toAbsolutePath());
        browser.findElement(By.cssSelector("select[name=format] option[value=xlsx]")).click();
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        File xlsx = awaitDownload(downloads, ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx)) {
            assertThat(wb.getSheet("Findings")).isNotNull();
            assertThat(wb.getSheet("Summary").getRow(0).getCell(1).getStringCellValue()).isEqualTo("Low-carbon pilot compliance report");
        }
    }

    @Test
    void anUploadWithNoDossierAnswersWithAnErrorPageInThePagesLanguage() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "not a dossier");
        browser.get(url("/?lang=en"));
        browser.findElement(By.cssSelector("input[name=files][multiple]:not([webkitdirectory])")).sendKeys(notes.toString());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        awaitTitle("Nothing was checked");
        assertThat(browser.findElement(By.id("error")).getAttribute("data-code")).isEqualTo("no_dossiers");
        assertThat(browser.findElement(By.id("error")).getText()).contains("none of the uploaded files is a .yaml/.yml dossier");
        browser.findElement(By.linkText("Back to the upload page")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Low-carbon pilot dossier check");

        browser.get(url("/no/such/page"));
        assertThat(browser.getTitle()).isEqualTo("没有这个页面");
        assertThat(browser.findElement(By.id("error")).getText()).contains("没有这个页面或资源：/no/such/page");
    }

    private static void awaitTitle(String title) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (!title.equals(browser.getTitle()) && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        assertThat(browser.getTitle()).isEqualTo(title);
    }

    private static File awaitDownload(Path dir, String suffix) throws Exception {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    var done = files.filter(p -> p.toString().endsWith(suffix)).findFirst();
                    if (done.isPresent()) {
                        return done.get().toFile();
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + suffix + " downloaded into " + dir);
    }
}
