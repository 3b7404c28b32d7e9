package io.pilotcheck;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium through its chromedriver, for the tests that need a real browser.
 * On CI ({@code CI} set) a missing browser fails the test; elsewhere it is skipped
 * ({@code .ci/run} installs {@code chromium chromium-driver}).
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * A browser with its profile (and downloads) under {@code dir}, its console logged, and no
     * network but what a page asks for.
     */
    public static ChromeDriver start(Path dir) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            fail("CI needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver (.ci/run does)");
        }
        assumeTrue(present, "no headless Chromium here; .ci/run installs it");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // the flags this closed network needs, or Chromium keeps trying to reach Google's hosts
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=1400,1000");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", dir.resolve("downloads").toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Waits (30 s at most) for the page's title to be {@code title}, then asserts it. */
    public static void awaitTitle(ChromeDriver browser, String title) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (!title.equals(browser.getTitle()) && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        org.assertj.core.api.Assertions.assertThat(browser.getTitle()).isEqualTo(title);
    }

    /** Waits (30 s at most) for a loaded page whose address holds {@code part}, then asserts it. */
    public static void awaitUrl(ChromeDriver browser, String part) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (!(browser.getCurrentUrl().contains(part) && "complete".equals(browser.executeScript("return document.readyState")))
                && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        org.assertj.core.api.Assertions.assertThat(browser.getCurrentUrl()).contains(part);
    }

    /** Fills the login form on the page shown with {@code name} and {@code password} and sends it. */
    public static void submitLogin(ChromeDriver browser, String name, String password) {
        browser.findElement(org.openqa.selenium.By.name("name")).clear();
        browser.findElement(org.openqa.selenium.By.name("name")).sendKeys(name);
        browser.findElement(org.openqa.selenium.By.name("password")).sendKeys(password);
        browser.findElement(org.openqa.selenium.By.cssSelector("#login button[type=submit]")).click();
    }

    /** Signs out with the button every signed-in page has, and waits for the login page. */
    public static void signOut(ChromeDriver browser) throws InterruptedException {
        browser.findElement(org.openqa.selenium.By.cssSelector("#logout button")).click();
        awaitUrl(browser, "/login");
    }
}
