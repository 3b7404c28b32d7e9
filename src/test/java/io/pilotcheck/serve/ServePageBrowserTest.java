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

    private static ServedBrowser served;
    private static CheckServer server;
    private static ChromeDriver browser;
    private static io.pilotcheck.store.SubmissionStore store;

    @BeforeAll
    static void start() {
        served = ServedBrowser.start(tmp, UploadLimits.of(64L << 20, 10L << 20), s -> { }, s -> s);
        server = served.server;
        browser = served.browser;
        store = served.store;
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
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

    @Test
    void twoUploadsOfAPilotShowOnTheDashboardAndItsPageShowsWhatChanged() throws Exception {
        // a store of its own: the other tests' uploads hold 大连市 too
        try (io.pilotcheck.store.SubmissionStore own = io.pilotcheck.store.sql.SqlSubmissionStore.open(
                io.pilotcheck.store.sql.StoreLocation.embedded(tmp.resolve("own")))) {
            CheckServer ownServer = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()),
                    UploadLimits.of(64L << 20, 10L << 20), line -> { }, own).start("127.0.0.1", 0);
            try {
                walk("http://127.0.0.1:" + ownServer.port());
            } finally {
                ownServer.close();
            }
        }
    }

    private void walk(String base) throws Exception {
        String v1 = Files.readString(Path.of("fixtures/03-dalian.yaml"));
        Path q2 = Files.writeString(Files.createDirectories(tmp.resolve("q2")).resolve("dalian.yaml"), v1);
        // the plan adopted in time now: LCP-PLAN-01 resolved; the revised plan two days late, not four
        Path q3 = Files.writeString(Files.createDirectories(tmp.resolve("q3")).resolve("dalian.yaml"),
                v1.replace("adopted: 2018-02-01", "adopted: 2017-12-01").replace("2017-01-30", "2017-01-28"));
        for (Path upload : List.of(q2, q3)) {
            browser.get(base + "/");
            browser.findElement(By.cssSelector("input[name=files][multiple]:not([webkitdirectory])")).sendKeys(upload.toString());
            browser.findElement(By.name("submitter")).sendKeys("辽宁省发展改革委 王五");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            awaitTitle("低碳城市试点合规检查报告");
        }
        browser.findElement(By.linkText("45 个试点总览")).click();
        assertThat(browser.getTitle()).isEqualTo("45 个试点总览");
        var dalian = browser.findElement(By.cssSelector("#pilots tr[data-city='大连市']"));
        assertThat(dalian.getText()).contains("不合规").contains("LCP-STAR-01").doesNotContain("LCP-PLAN-01");
        assertThat(browser.findElements(By.cssSelector("#pilots tr[data-city]"))).hasSize(45);
        browser.findElement(By.cssSelector("select[name=verdict] option[value=non_compliant]")).click();
        browser.findElement(By.cssSelector("form.filter button")).click();
        // the click returns once the form is sent, not once the filtered page is there (a loaded
        // machine showed an empty table in between)
        awaitUrl("verdict=non_compliant");
        assertThat(browser.findElements(By.cssSelector("#pilots tr[data-city]"))).hasSizeGreaterThanOrEqualTo(1)
                .allSatisfy(row -> assertThat(row.getText()).contains("不合规"));

        browser.findElement(By.linkText("大连市")).click();
        assertThat(browser.getTitle()).isEqualTo("大连市");
        assertThat(browser.findElements(By.cssSelector("section.submission"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#chart rect.verdict-mark"))).hasSize(2);
        String latest = browser.findElements(By.cssSelector("section.submission")).get(0).getText();
        assertThat(latest).contains("已解决 LCP-PLAN-01").contains("有变化 LCP-STAR-01").contains("晚 2 天");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), ARTEFACTS.resolve("serve-pilot.png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.findElements(By.linkText("报告与文件")).get(0).click();
        assertThat(browser.findElement(By.id("files")).getText()).contains("dalian.yaml");
        browser.findElement(By.id("report")).click();
        assertThat(browser.findElements(By.cssSelector("section.dossier"))).hasSize(1);
    }

    private static void awaitUrl(String part) throws InterruptedException {
        HeadlessChromium.awaitUrl(browser, part);
    }

    private static void awaitTitle(String title) throws InterruptedException {
        HeadlessChromium.awaitTitle(browser, title);
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
