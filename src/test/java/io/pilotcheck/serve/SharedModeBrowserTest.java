package io.pilotcheck.serve;

import com.sun.net.httpserver.HttpServer;
import io.pilotcheck.HeadlessChromium;
import io.pilotcheck.TestRules;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.AccountStore;
import io.pilotcheck.store.SubmissionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared service in a real Chromium (docs/spec/access.md): the admin signs in and makes a
 * reviewer and a submitter on the pages; the submitter signs in, submits its city's dossier from
 * the upload page, is refused another city's, and signs out; a form on another site posted
 * into the signed-in browser changes nothing; six wrong passwords lock the name, and the audit
 * page shows it.
 */
class SharedModeBrowserTest {

    @TempDir
    static Path tmp;

    private static ServedBrowser served;
    private static SubmissionStore store;
    private static CheckServer server;
    private static ChromeDriver browser;
    private static HttpServer evil;

    @BeforeAll
    static void start() throws Exception {
        served = ServedBrowser.start(tmp, UploadLimits.DEFAULTS, s -> ServedBrowser.accounts(s).add("admin", "管理员",
                Accounts.AccountRole.admin, List.of(), null, "admin password", "cli", null, Instant.now()), x -> x);
        store = served.store;
        server = served.server;
        browser = served.browser;
    }

    @AfterAll
    static void stop() {
        if (evil != null) {
            evil.stop(0);
        }
        if (served != null) {
            served.close();
        }
    }

    private static String url(String path) {
        return served.url(path);
    }

    private static void signIn(String name, String password) {
        HeadlessChromium.submitLogin(browser, name, password);
    }

    private static void signOut() throws InterruptedException {
        HeadlessChromium.signOut(browser);
    }

    /** Adds an account on the admin's page; its generated password, shown once. */
    private static String addAccount(String name, String role, String province, String city) throws InterruptedException {
        browser.get(url("/admin/accounts"));
        browser.findElement(By.cssSelector("#add-account input[name=name]")).sendKeys(name);
        browser.findElement(By.cssSelector("#add-account select[name=role] option[value=" + role + "]")).click();
        if (province != null) {
            browser.findElement(By.cssSelector("#provinces input[value='" + province + "']")).click();
        }
        if (city != null) {
            browser.findElement(By.cssSelector("#add-account select[name=city] option[value='" + city + "']")).click();
        }
        browser.findElement(By.cssSelector("#add-account button[type=submit]")).click();
        HeadlessChromium.awaitUrl(browser, "/admin/accounts");
        assertThat(browser.findElement(By.id("notice")).getText()).contains(name);
        return browser.findElement(By.id("secret")).getText();
    }

    @Test
    void signInMakeAccountsSubmitSignOutAndLockOut() throws Exception {
        // nobody signed in is sent to the login page, and back to where they were going
        browser.get(url("/pilots"));
        HeadlessChromium.awaitUrl(browser, "/login");
        signIn("admin", "admin password");
        HeadlessChromium.awaitUrl(browser, "/pilots");
        assertThat(browser.findElement(By.id("signed-in")).getText()).isEqualTo("admin");

        String province = TestRules.book().registry().find("大连市").orElseThrow().province();
        String reviewerPassword = addAccount("li.si", "reviewer", province, null);
        String submitterPassword = addAccount("dalian", "submitter", null, "大连市");
        assertThat(browser.findElement(By.cssSelector("tr[data-account='dalian']")).getText()).contains("大连市");
        assertThat(store.account("li.si").orElseThrow().provinces()).containsExactly(province);
        signOut();

        // the submitter sends its city's dossier from the upload page
        signIn("dalian", submitterPassword);
        HeadlessChromium.awaitUrl(browser, "/");
        browser.findElement(By.cssSelector("input[name=files][multiple]:not([webkitdirectory])"))
                .sendKeys(Path.of("fixtures/03-dalian.yaml").toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        long end = System.currentTimeMillis() + 30_000;
        while (browser.findElements(By.cssSelector("section.dossier")).isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        assertThat(browser.findElements(By.cssSelector("section.dossier"))).hasSize(1);
        assertThat(store.submissions(Scope.all(), new SubmissionStore.Query(null, null, null, 10, null)))
                .extracting(SubmissionStore.Listed::submitter).containsExactly("dalian");
        // and is refused another city's, whole
        browser.get(url("/"));
        browser.findElement(By.cssSelector("input[name=files][multiple]:not([webkitdirectory])"))
                .sendKeys(Path.of("fixtures/02-shenyang.yaml").toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        end = System.currentTimeMillis() + 30_000;
        while (browser.findElements(By.id("error")).isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        assertThat(browser.findElement(By.id("error")).getAttribute("data-code")).isEqualTo("out_of_scope");
        assertThat(browser.findElement(By.id("error")).getText()).contains("沈阳市");
        assertThat(store.ids(Scope.all())).hasSize(1);
        browser.get(url("/pilots"));
        signOut();
        browser.get(url("/pilots"));
        HeadlessChromium.awaitUrl(browser, "/login");

        // a page on another site posts a form into the browser the admin is signed in with
        signIn("admin", "admin password");
        HeadlessChromium.awaitUrl(browser, "/");
        String target = url("/admin/accounts");
        String page = """
                <!DOCTYPE html><html><head><title>loading</title></head><body>
                <form id="f" method="post" action="%s" target="sink">
                <input name="name" value="intruder"><input name="role" value="admin"><input name="password" value="intruder password">
                </form><iframe name="sink"></iframe>
                <script>document.getElementById('f').submit(); setTimeout(() => { document.title = 'done'; }, 2000);</script>
                </body></html>
                """.formatted(target);
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
        // localhost is another site than 127.0.0.1, as any web page is
        browser.get("http://localhost:" + evil.getAddress().getPort() + "/");
        HeadlessChromium.awaitTitle(browser, "done");
        assertThat(store.account("intruder")).as("an account made by another site's form").isEmpty();
        browser.get(url("/pilots"));
        signOut();

        // six wrong passwords: the name is locked, the right password too is refused, the audit log says so
        for (int i = 0; i < 6; i++) {
            signIn("li.si", "not the password " + i);
            HeadlessChromium.awaitUrl(browser, "/login");
            assertThat(browser.findElement(By.id("login-failed")).isDisplayed()).isTrue();
        }
        signIn("li.si", reviewerPassword);
        HeadlessChromium.awaitUrl(browser, "/login");
        assertThat(browser.findElements(By.id("login-failed"))).as("locked for 15 minutes").hasSize(1);
        signIn("admin", "admin password");
        HeadlessChromium.awaitUrl(browser, "/");
        browser.get(url("/admin/audit?object=li.si"));
        String audit = browser.findElement(By.id("audit")).getText();
        assertThat(audit).contains("login.locked", "login.failed", "login.refused_locked");
        assertThat(store.auditLog(null, 1000)).filteredOn(e -> e.action().equals("login.locked"))
                .extracting(AccountStore.AuditEntry::object).containsExactly("li.si");
    }
}
