package io.pilotcheck.serve;

import io.pilotcheck.HeadlessChromium;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.store.AccountStore;
import io.pilotcheck.store.ReviewStore;
import io.pilotcheck.store.SubmissionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One reporting period played end to end in a real Chromium (docs/spec/review.md) by an admin, a
 * reviewer of 辽宁省 and the submitter of 大连市: the admin opens the period on its page; 大连市 is
 * 待提交; the city submits a dossier with two violations; the reviewer opens it, marks one 须整改,
 * waives the other until 2027-06-30, returns it with a comment; the city sees 退回修改, the
 * comment and what to fix, amends and submits again; the reviewer sees the 须整改 resolved and
 * accepts; 大连市 is 已通过. The audit log holds every step, the city's inbox the return and the
 * acceptance.
 */
class ReviewLoopBrowserTest {

    @TempDir
    static Path tmp;

    private static ServedBrowser served;
    private static SubmissionStore store;
    private static ChromeDriver browser;
    private static com.icegreen.greenmail.util.GreenMail mail;

    @BeforeAll
    static void start() {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        mail.start();
        served = ServedBrowser.start(tmp, UploadLimits.DEFAULTS, s -> {
            Accounts accounts = ServedBrowser.accounts(s);
            Instant t = Instant.now();
            accounts.add("admin", null, Accounts.AccountRole.admin, List.of(), null, "admin password", "cli", null, t);
            accounts.add("li.si", "李四", Accounts.AccountRole.reviewer, List.of("辽宁省"), null, "reviewer password", "cli", null, t);
            accounts.add("dalian", null, Accounts.AccountRole.submitter, List.of(), "大连市", "dalian password", "cli", null, t);
            accounts.setContact("dalian", "dalian@pilotcheck.test", "zh", "cli", null, t);
        }, server -> server.notifications(SmtpServer.parse("smtp://127.0.0.1:" + port + "?from=pilotcheck@pilotcheck.test"), 3600));
        store = served.store;
        browser = served.browser;
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    private static String url(String path) {
        return served.url(path);
    }

    private static void signIn(String name, String password) throws InterruptedException {
        served.signIn(name, password);
    }

    private static void signOut() throws InterruptedException {
        served.signOut();
    }

    private static void setValue(WebElement input, String value) {
        browser.executeScript("arguments[0].value = arguments[1]", input, value);
    }

    private static String state(String period) throws InterruptedException {
        browser.get(url("/periods/" + period + "/pilots/Dalian"));
        return browser.findElement(By.cssSelector("#review-state strong")).getAttribute("data-state");
    }

    private static void upload(Path file) throws InterruptedException {
        browser.get(url("/"));
        browser.findElement(By.cssSelector("input[name=files][multiple]:not([webkitdirectory])")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        long end = System.currentTimeMillis() + 30_000;
        while (browser.findElements(By.cssSelector("section.dossier")).isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        assertThat(browser.findElements(By.cssSelector("section.dossier"))).hasSize(1);
    }

    @Test
    void onePeriodFromOpeningToAcceptance() throws Exception {
        String name = "2026年第三季度";
        String path = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8);

        // the admin opens the period on its page, checked as of the day the fixture describes
        signIn("admin", "admin password");
        browser.get(url("/admin/periods"));
        browser.findElement(By.cssSelector("#add-period input[name=name]")).sendKeys(name);
        setValue(browser.findElement(By.cssSelector("#add-period input[name=due]")), LocalDate.now().plusDays(10).toString());
        setValue(browser.findElement(By.cssSelector("#add-period input[name=as_of]")), "2020-06-30");
        browser.findElement(By.cssSelector("#add-period button[type=submit]")).click();
        HeadlessChromium.awaitUrl(browser, "/admin/periods");
        assertThat(browser.findElement(By.cssSelector("tr[data-period='" + name + "']")).getText()).contains(name);
        browser.findElement(By.id("period-link")).click();
        HeadlessChromium.awaitUrl(browser, "/periods/");
        assertThat(browser.findElement(By.cssSelector("tr[data-city='大连市']")).getAttribute("data-state")).isEqualTo("due");
        assertThat(browser.findElement(By.cssSelector("tr[data-city='大连市']")).getText()).contains("待提交");
        signOut();

        // the city submits a dossier with two violations
        signIn("dalian", "dalian password");
        upload(Path.of("fixtures/03-dalian.yaml"));
        assertThat(state(path)).isEqualTo("submitted");
        signOut();

        // the reviewer opens it, decides on both violations, returns it with a comment
        signIn("li.si", "reviewer password");
        assertThat(browser.findElement(By.id("inbox-link")).getText()).contains("1");
        browser.get(url("/periods/" + path));
        assertThat(browser.findElement(By.cssSelector("tr[data-city='大连市']")).getText()).contains("已提交待审");
        assertThat(state(path)).isEqualTo("submitted");
        browser.findElement(By.id("open-review")).click();
        HeadlessChromium.awaitUrl(browser, "/pilots/Dalian");
        assertThat(state(path)).isEqualTo("in_review");
        WebElement star = browser.findElement(By.cssSelector("tr[data-rule='LCP-STAR-01'] form.decide"));
        star.findElement(By.cssSelector("option[value=must_fix]")).click();
        star.findElement(By.name("reason")).sendKeys("请按期报送完善后的实施方案");
        star.findElement(By.cssSelector("button")).click();
        HeadlessChromium.awaitUrl(browser, "/pilots/Dalian");
        WebElement plan = browser.findElement(By.cssSelector("tr[data-rule='LCP-PLAN-01'] form.decide"));
        plan.findElement(By.cssSelector("option[value=waived]")).click();
        plan.findElement(By.name("reason")).sendKeys("规划已经市政府批准，正式印发晚于期限");
        setValue(plan.findElement(By.name("until")), "2027-06-30");
        plan.findElement(By.cssSelector("button")).click();
        HeadlessChromium.awaitUrl(browser, "/pilots/Dalian");
        assertThat(browser.findElement(By.cssSelector("tr[data-rule='LCP-PLAN-01']")).getAttribute("data-decided")).isEqualTo("waived");
        browser.findElement(By.cssSelector("#return-form textarea")).sendKeys("请补报完善后的实施方案报送记录");
        browser.findElement(By.id("return")).click();
        HeadlessChromium.awaitUrl(browser, "/pilots/Dalian");
        assertThat(state(path)).isEqualTo("returned");
        signOut();

        // the city sees what to fix, amends and submits again
        signIn("dalian", "dalian password");
        assertThat(browser.findElement(By.id("inbox-link")).getText()).contains("2"); // the waiver and the return
        assertThat(state(path)).isEqualTo("returned");
        assertThat(browser.findElement(By.id("comments")).getText()).contains("请补报完善后的实施方案报送记录");
        assertThat(browser.findElement(By.cssSelector("tr[data-rule='LCP-STAR-01']")).getAttribute("data-decided")).isEqualTo("must_fix");
        assertThat(browser.findElement(By.cssSelector("tr[data-rule='LCP-STAR-01']")).getText()).contains("须整改");
        browser.get(url("/inbox"));
        assertThat(browser.findElement(By.id("inbox")).getText()).contains("退回了 大连市");
        Path amended = tmp.resolve("03-dalian.yaml");
        Files.writeString(amended, Files.readString(Path.of("fixtures/03-dalian.yaml"))
                .replace("revision_submitted: 2017-01-30", "revision_submitted: 2017-01-25"));
        upload(amended);
        assertThat(state(path)).isEqualTo("submitted");
        signOut();

        // the reviewer sees the 须整改 resolved, the waiver applied, and accepts
        signIn("li.si", "reviewer password");
        assertThat(state(path)).isEqualTo("submitted");
        browser.findElement(By.id("open-review")).click();
        HeadlessChromium.awaitUrl(browser, "/pilots/Dalian");
        assertThat(browser.findElement(By.cssSelector("#earlier li[data-rule='LCP-STAR-01']")).getAttribute("class")).isEqualTo("resolved");
        assertThat(browser.findElements(By.cssSelector("tr[data-rule='LCP-STAR-01']"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("tr[data-rule='LCP-PLAN-01']")).getAttribute("data-decided")).isEqualTo("waived");
        browser.findElement(By.id("accept")).click();
        HeadlessChromium.awaitUrl(browser, "/pilots/Dalian");
        assertThat(state(path)).isEqualTo("accepted");
        browser.get(url("/periods/" + path));
        assertThat(browser.findElement(By.cssSelector("tr[data-city='大连市']")).getText()).contains("已通过");
        signOut();

        List<String> actions = store.auditLog(null, 1000).stream().map(AccountStore.AuditEntry::action).toList();
        assertThat(actions).containsSubsequence("period.opened", "submission.received", "submission.in_review", "decision.must_fix",
                "decision.waived", "submission.returned", "submission.received", "submission.in_review", "submission.accepted");
        assertThat(store.notifications("dalian", 10)).extracting(n -> n.notice().kind()).contains("returned", "accepted", "waived");
        assertThat(store.period(name)).map(ReviewStore.Period::asOf).hasValue(LocalDate.of(2020, 6, 30));
        // and a real SMTP server received the return and the acceptance
        served.server.notifyNow();
        mail.waitForIncomingEmail(10_000, 3);
        List<String> subjects = new java.util.ArrayList<>();
        for (jakarta.mail.internet.MimeMessage m : mail.getReceivedMessages()) {
            subjects.add(m.getSubject());
        }
        assertThat(subjects).anyMatch(x -> x.contains("退回了 大连市")).anyMatch(x -> x.contains("通过了 大连市"));
    }
}
