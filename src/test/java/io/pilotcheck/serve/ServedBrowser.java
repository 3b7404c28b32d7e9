package io.pilotcheck.serve;

import io.pilotcheck.HeadlessChromium;
import io.pilotcheck.TestRules;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser test serves and drives: a headless Chromium (skipped where there is none, outside
 * CI), an embedded store under the test's folder, and the service over it on a free port, with
 * the test rules. One set-up and one tear-down for every page test.
 */
final class ServedBrowser implements AutoCloseable {

    final ChromeDriver browser;
    final SubmissionStore store;
    final CheckServer server;

    private ServedBrowser(ChromeDriver browser, SubmissionStore store, CheckServer server) {
        this.browser = browser;
        this.store = store;
        this.server = server;
    }

    /** The three, the store empty, the service with default limits. */
    static ServedBrowser start(Path tmp) {
        return start(tmp, UploadLimits.DEFAULTS, s -> { }, server -> server);
    }

    /**
     * The three: {@code prepare} fills the store before the service starts (accounts, periods);
     * {@code then} finishes the started service (notifications).
     */
    static ServedBrowser start(Path tmp, UploadLimits limits, java.util.function.Consumer<SubmissionStore> prepare,
                               UnaryOperator<CheckServer> then) {
        ChromeDriver browser = HeadlessChromium.start(tmp);
        SubmissionStore store = null;
        try {
            store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")));
            prepare.accept(store);
            SubmissionStore kept = store;
            CheckServer server = then.apply(new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), limits,
                    line -> { }, () -> kept, "").start("127.0.0.1", 0));
            return new ServedBrowser(browser, store, server);
        } catch (RuntimeException | Error e) {
            browser.quit();
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }

    /** The accounts of the store, for a test's set-up. */
    static Accounts accounts(SubmissionStore store) {
        return new Accounts(store, () -> TestRules.book().registry());
    }

    /** An address of the service. */
    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** Signs in on the login page and waits for the start page, signed in as {@code name}. */
    void signIn(String name, String password) throws InterruptedException {
        browser.get(url("/login"));
        HeadlessChromium.submitLogin(browser, name, password);
        HeadlessChromium.awaitUrl(browser, "/");
        assertThat(browser.findElement(By.id("signed-in")).getText()).isEqualTo(name);
    }

    /** Signs out with the button of the page shown. */
    void signOut() throws InterruptedException {
        HeadlessChromium.signOut(browser);
    }

    /** Closes the browser, the service and the store, whichever were started. */
    @Override
    public void close() {
        browser.quit();
        server.close();
        store.close();
    }
}
