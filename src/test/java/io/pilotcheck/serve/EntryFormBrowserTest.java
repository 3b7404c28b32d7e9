package io.pilotcheck.serve;

import io.pilotcheck.HeadlessChromium;
import io.pilotcheck.TestRules;
import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.SubmissionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's web form in a real Chromium (docs/spec/entry.md, done-when 3): 大连市's submitter opens
 * the form in its first state (the annex's facts), types a late adoption date and sees LCP-PLAN-01
 * appear beside 低碳规划's date as it types; fixes it and sees it go; saves a draft; reloads and
 * finds the draft; a change not saved comes back in another tab; submits into the open period.
 * The stored {@code 大连市.yaml}, checked again, gives the form's last findings. A reviewer of
 * 辽宁省 may check the form but is offered no 提交.
 */
class EntryFormBrowserTest {

    @TempDir
    static Path tmp;

    private static ServedBrowser served;
    private static SubmissionStore store;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        served = ServedBrowser.start(tmp, UploadLimits.DEFAULTS, s -> {
            Instant t = Instant.now();
            Accounts accounts = ServedBrowser.accounts(s);
            accounts.add("dalian", null, Accounts.AccountRole.submitter, List.of(), "大连市", "dalian password", "cli", null, t);
            accounts.add("li.si", "李四", Accounts.AccountRole.reviewer, List.of("辽宁省"), null, "reviewer password", "cli", null, t);
            io.pilotcheck.app.Periods.of(s, () -> TestRules.book().registry()).add("2026年第四季度", LocalDate.of(2030, 1, 10),
                    null, List.of("大连市"), "cli", null, t);
        }, server -> server);
        store = served.store;
        browser = served.browser;
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    private static String url(String path) {
        return served.url(path);
    }

    private static WebElement field(String name) {
        return browser.findElement(By.name(name));
    }

    /** Types into a field as a user does: each key an input event. */
    private static void type(String name, String text) {
        WebElement f = field(name);
        f.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        f.sendKeys(text);
    }

    /** The rule ids of the notes beside a field, read in one go (the script replaces them as it checks). */
    @SuppressWarnings("unchecked")
    private static List<String> notesBeside(String name) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'ul.notes[data-for=\"' + arguments[0] + '\"] li')).map(li => li.dataset.rule)", name);
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as(what).isTrue();
    }

    /** Every finding the form shows, by rule id, sorted. */
    @SuppressWarnings("unchecked")
    private static List<String> shownFindings() {
        List<String> out = new ArrayList<>((List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('ul.notes li.note')).map(li => li.dataset.rule)"));
        Collections.sort(out);
        return out;
    }

    private static void screenshot(String name) throws java.io.IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aCityFillsChecksDraftsAndSubmitsItsForm() throws Exception {
        served.signIn("dalian", "dalian password");
        browser.get(url("/pilots/Dalian/edit?lang=zh"));
        assertThat(browser.findElement(By.id("origin")).getText()).contains("首次填报");
        assertThat(field("city").getAttribute("value")).isEqualTo("大连市");
        assertThat(field("city").getAttribute("readonly")).isNotNull();
        screenshot("city-form.png");

        // a late adoption date: the finding appears beside the field as it is typed
        type("low_carbon_plan.adopted", "2018-02-01");
        await("LCP-PLAN-01 beside 低碳规划's date", () -> notesBeside("low_carbon_plan.adopted").contains("LCP-PLAN-01"));
        assertThat(browser.findElement(By.cssSelector("ul.notes[data-for=\"low_carbon_plan.adopted\"] li")).getText())
                .contains("编制并通过低碳发展规划", "2018-02-01");
        assertThat(browser.findElement(By.id("verdict")).getText()).matches("检查结果：(不合规|无法检查) · .*违规 \\d+.*");
        browser.executeScript("document.querySelector('[data-field=\"low_carbon_plan.adopted\"]').scrollIntoView({block: 'center'})");
        screenshot("city-form-finding.png");

        // fixed: it goes; a few more answers, then a draft
        type("low_carbon_plan.adopted", "2017-06-30");
        await("LCP-PLAN-01 gone", () -> !notesBeside("low_carbon_plan.adopted").contains("LCP-PLAN-01"));
        field("low_carbon_plan.in_development_plan").sendKeys("是");
        type("peak_target_year", "2025");
        browser.findElement(By.id("draft")).click();
        HeadlessChromium.awaitUrl(browser, "/pilots/Dalian/edit");
        await("the draft saved", () -> !browser.findElements(By.id("notice")).isEmpty());
        assertThat(browser.findElement(By.id("notice")).getText()).contains("草稿已保存");
        assertThat(store.draft("大连市")).isPresent();
        screenshot("city-form-draft.png");

        // reloaded: the draft is what the form holds
        browser.get(url("/pilots/Dalian/edit?lang=zh"));
        assertThat(browser.findElement(By.id("origin")).getText()).contains("草稿");
        assertThat(field("low_carbon_plan.adopted").getAttribute("value")).isEqualTo("2017-06-30");
        assertThat(field("low_carbon_plan.in_development_plan").getAttribute("value")).isEqualTo("是");

        // a change not saved is not lost when the page is left: another tab finds it
        type("target_assessment.method_issued", "2017-09-01");
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url("/pilots/Dalian/edit?lang=zh"));
        assertThat(browser.findElement(By.id("restored")).isDisplayed()).isTrue();
        assertThat(field("target_assessment.method_issued").getAttribute("value")).isEqualTo("2017-09-01");
        browser.close();
        browser.switchTo().window(first);

        // the live check has settled: what the form shows is what it submits
        await("the live check answered", () -> browser.findElement(By.id("live")).getText().isEmpty());
        Thread.sleep(600);
        await("the live check answered", () -> browser.findElement(By.id("live")).getText().isEmpty());
        List<String> lastShown = shownFindings();
        assertThat(lastShown).isNotEmpty().doesNotContain("LCP-PLAN-01");
        browser.findElement(By.id("submit")).click();
        HeadlessChromium.awaitUrl(browser, "/submissions/");
        String id = browser.getCurrentUrl().replaceAll(".*/submissions/([0-9a-f]+).*", "$1");
        byte[] kept = store.file(Scope.all(), id, "大连市.yaml").orElseThrow();
        List<String> checked = new ArrayList<>(Check.runToEnd(CheckRequest.of(TestRules.book(),
                List.of(DossierInput.bytes("大连市.yaml", kept)))).batch().dossiers().get(0).findings().stream()
                .map(Finding::ruleId).toList());
        Collections.sort(checked);
        assertThat(checked).as("the stored YAML checks to the form's last findings").isEqualTo(lastShown);
        assertThat(new String(kept, java.nio.charset.StandardCharsets.UTF_8)).contains("  adopted: 2017-06-30", "method_issued: 2017-09-01");
        assertThat(store.draft("大连市")).as("the draft goes once submitted").isEmpty();

        // the pilot's page leads to the form and the workbook; a workbook uploaded is reported at its cells
        browser.get(url("/pilots/Dalian?lang=zh"));
        assertThat(browser.findElement(By.id("edit-link")).getAttribute("href")).contains("/pilots/Dalian/edit");
        assertThat(browser.findElement(By.id("template-link")).getAttribute("href")).contains("/pilots/Dalian/template.xlsx");
        screenshot("city-pilot-links.png");
        Path book = tmp.resolve("大连市.xlsx");
        Files.write(book, io.pilotcheck.entry.DossierWorkbook.write(new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(Path.of("fixtures/03-dalian.yaml").toFile())));
        browser.get(url("/?lang=zh"));
        browser.findElement(By.cssSelector("input[name=files][multiple]:not([webkitdirectory])")).sendKeys(book.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("input[name=keep]")).click(); // check only: the form's submission stays current
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        await("the workbook's report", () -> !browser.findElements(By.cssSelector("section.dossier")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("section.dossier")).getText()).contains("大连市.xlsx: 低碳规划!B");
        browser.executeScript("document.querySelector('section.dossier').scrollIntoView()");
        screenshot("city-workbook-report.png");
        browser.get(url("/pilots?lang=zh"));
        served.signOut();

        // a reviewer checks the form, and is not offered 提交
        served.signIn("li.si", "reviewer password");
        browser.get(url("/pilots/Dalian/edit?lang=zh"));
        assertThat(browser.findElement(By.id("origin")).getText()).contains("当前的报送");
        assertThat(field("low_carbon_plan.adopted").getAttribute("value")).isEqualTo("2017-06-30");
        assertThat(browser.findElements(By.id("submit"))).isEmpty();
        browser.findElement(By.id("check")).click();
        await("checked on the server", () -> !browser.findElements(By.id("notice")).isEmpty());
        assertThat(browser.findElement(By.id("notice")).getText()).contains("已检查");
        assertThat(shownFindings()).isEqualTo(lastShown);
        served.signOut();
    }
}
