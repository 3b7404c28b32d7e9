package io.pilotcheck.serve;

import io.pilotcheck.HeadlessChromium;
import io.pilotcheck.TestRules;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleBookLoader;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two quarters of a reviewer in a real headless Chromium, as issue 33 walked them: the 45
 * fixtures uploaded as a folder, a second quarter in which some cities amend their dossiers and
 * one breaks its file, a rule parameter changed and re-checked; the dashboard, a pilot's page and
 * its report alone read as a reviewer reads them. Leaves the screenshots docs/serve.md shows in
 * {@code target/artefacts}.
 */
class ReviewerQuarterBrowserTest {

    private static final Path ARTEFACTS = Path.of("target", "artefacts");

    @TempDir
    Path tmp;

    @Test
    void aSecondQuarterReadsAsWhatChangedAndWhoseDoingItWas() throws Exception {
        Files.createDirectories(ARTEFACTS);
        AtomicReference<RuleBook> rules = new AtomicReference<>(TestRules.book());
        ChromeDriver browser = HeadlessChromium.start(tmp);
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")))) {
            CheckServer server = new CheckServer(() -> new ServedRules.State(rules.get(), List.of()),
                    UploadLimits.of(64L << 20, 10L << 20), line -> { }, store).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + server.port();
                // quarter 1: the 45 pilots' dossiers as a folder
                Path q1 = Files.createDirectories(tmp.resolve("2026Q1"));
                try (Stream<Path> all = Files.list(Path.of("fixtures"))) {
                    for (Path f : all.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                        Files.copy(f, q1.resolve(f.getFileName()));
                    }
                }
                upload(browser, base, q1);
                // quarter 2: 大连 adopts its plan in time, 沈阳 misspells a key, 乌海 sends the same file
                Path q2 = Files.createDirectories(tmp.resolve("2026Q2"));
                Files.writeString(q2.resolve("03-dalian.yaml"), TestRules.edit(Files.readString(Path.of("fixtures/03-dalian.yaml")),
                        "adopted: 2018-02-01", "adopted: 2017-12-01"));
                Files.writeString(q2.resolve("02-shenyang.yaml"), TestRules.edit(Files.readString(Path.of("fixtures/02-shenyang.yaml")),
                        "low_carbon_plan:", "low_carbon_pln:"));
                Files.copy(Path.of("fixtures/01-wuhai.yaml"), q2.resolve("01-wuhai.yaml"));
                Files.writeString(q2.resolve("说明.docx"), "not a dossier");
                upload(browser, base, q2);
                assertThat(browser.findElement(By.id("skipped")).getText()).contains("说明.docx");

                browser.get(base + "/?lang=zh");
                browser.findElement(By.cssSelector("#to-dashboard a")).click();
                HeadlessChromium.awaitTitle(browser, "45 个试点总览");
                assertThat(row(browser, "大连市")).contains("●", "已解决 1");
                assertThat(row(browser, "沈阳市")).contains("无法检查", "low_carbon_pln");
                assertThat(row(browser, "乌海市")).contains("无变化");
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), ARTEFACTS.resolve("serve-dashboard.png"),
                        StandardCopyOption.REPLACE_EXISTING);
                browser.findElement(By.cssSelector("select[name=change] option[value=changed]")).click();
                browser.findElement(By.cssSelector("form.filter button")).click();
                HeadlessChromium.awaitUrl(browser, "change=changed");
                assertThat(browser.findElements(By.cssSelector("#pilots tr[data-city]")).stream()
                        .map(r -> r.getAttribute("data-city")).toList()).contains("大连市", "沈阳市").doesNotContain("乌海市");

                // a rule parameter moved, seen before the re-check and marked as the rules' doing after it
                Path edited = TestRules.copyRules(tmp.resolve("rules"));
                TestRules.edit(edited.resolve("params.yaml"), "plan_due: 2017-12-31", "plan_due: 2018-03-31");
                rules.set(RuleBookLoader.load(edited));
                browser.get(base + "/pilots?lang=zh");
                browser.findElement(By.id("recheck-preview")).click();
                assertThat(browser.findElement(By.id("rule-changes")).getText()).contains("plan_due：2017-12-31 → 2018-03-31");
                browser.findElement(By.cssSelector("#recheck-form button")).click();
                HeadlessChromium.awaitTitle(browser, "已按当前规则重新检查");
                assertThat(browser.findElement(By.id("wording-only")).getText()).contains("银川市");

                browser.get(base + "/pilots/Yinchuan?lang=zh");
                assertThat(browser.findElement(By.id("current")).getText()).contains("LCP-PLAN-01");
                assertThat(browser.findElement(By.cssSelector("section.submission")).getText()).contains("规则变更");
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), ARTEFACTS.resolve("serve-pilot.png"),
                        StandardCopyOption.REPLACE_EXISTING);
                browser.findElement(By.id("pilot-report")).click();
                assertThat(browser.findElements(By.cssSelector("section.dossier"))).hasSize(1);
                assertThat(browser.findElements(By.id("matrix"))).isEmpty();
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), ARTEFACTS.resolve("serve-pilot-report.png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                server.close();
            }
        } finally {
            browser.quit();
        }
    }

    private static void upload(ChromeDriver browser, String base, Path folder) throws InterruptedException {
        browser.get(base + "/?lang=zh");
        browser.findElement(By.cssSelector("input[webkitdirectory]")).sendKeys(folder.toString());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        HeadlessChromium.awaitTitle(browser, "低碳城市试点合规检查报告");
    }

    private static String row(ChromeDriver browser, String city) {
        return browser.findElement(By.cssSelector("#pilots tr[data-city='" + city + "']")).getText();
    }
}
