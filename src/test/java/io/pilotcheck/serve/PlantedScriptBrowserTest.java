package io.pilotcheck.serve;

import io.pilotcheck.HeadlessChromium;
import io.pilotcheck.TestRules;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.SubmissionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker can put on a page — a script in a dossier's field, in a file name, in a
 * submitter's name, in an account's display name, a token's label, a login name typed at the
 * login page (which the audit log keeps), a path or a query — is planted through the ways a user
 * has, then every page that shows it is opened in a real Chromium. None may run, none may become
 * an element: each must be shown as the text it is.
 */
class PlantedScriptBrowserTest {

    /** Breaks out of text, of a quoted attribute and of an unquoted one, and runs when parsed as HTML. */
    private static final String PAYLOAD = "\"'><b class=planted>P</b><img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
    private static final String SEEN = "<b class=planted>P</b>";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;

    private static ServedBrowser served;
    private static SubmissionStore store;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        served = ServedBrowser.start(tmp);
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

    private static String encoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens {@code path}; what of the planted strings it shows as text. Fails when a planted string ran or became an element. */
    private static String open(String path) throws InterruptedException {
        browser.get(url(path));
        Thread.sleep(150); // an onerror handler runs once the image has failed to load
        assertThat(browser.getTitle()).as(path + ": a planted script ran").isNotEqualTo("pwned");
        Object planted = browser.executeScript(
                "return document.querySelectorAll('b.planted, img[src=\"x\"], script:not([src])').length");
        assertThat(((Number) planted).intValue()).as(path + ": planted text became elements").isZero();
        return browser.findElement(By.tagName("body")).getText();
    }

    @Test
    void plantedScriptsAreShownAsTextOnEveryPageAndNeverRun() throws Exception {
        // on the desktop: a dossier whose city is a script, a file named as one, a submitter named as one
        String dossier = Files.readString(Path.of("fixtures/03-dalian.yaml"), StandardCharsets.UTF_8);
        String plantedCity = dossier.replace("city: 大连市", "city: '" + PAYLOAD.replace("'", "''") + "'");
        assertThat(plantedCity).isNotEqualTo(dossier);
        HttpResponse<String> r1 = post("/api/v1/submissions?name=city.yaml", "application/yaml", plantedCity.getBytes(StandardCharsets.UTF_8));
        assertThat(r1.statusCode()).as(r1.body()).isEqualTo(201);
        HttpResponse<String> r2 = post("/api/v1/submissions?name=" + encoded(PAYLOAD + ".yaml") + "&submitter=" + encoded(PAYLOAD),
                "application/yaml", dossier.getBytes(StandardCharsets.UTF_8));
        assertThat(r2.statusCode()).as(r2.body()).isEqualTo(201);
        List<String> ids = store.ids(Scope.all());
        assertThat(ids).hasSize(2);

        // then shared: an admin, and an account whose display name is a script; a login name typed as one
        new Accounts(store, () -> TestRules.book().registry()).add("admin", PAYLOAD, Accounts.AccountRole.admin, List.of(), null,
                "admin password", "cli", null, Instant.now());
        long end = System.currentTimeMillis() + 10_000;
        while (HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/pilots"))).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() != 401 && System.currentTimeMillis() < end) {
            Thread.sleep(200);
        }
        post("/login", "application/x-www-form-urlencoded", ("name=" + encoded(PAYLOAD) + "&password=wrong+password").getBytes(StandardCharsets.UTF_8));

        browser.get(url("/login"));
        HeadlessChromium.submitLogin(browser, "admin", "admin password");
        HeadlessChromium.awaitUrl(browser, "/");
        // a token labelled with a script, made on the admin's page
        browser.get(url("/admin/tokens"));
        browser.findElement(By.cssSelector("#add-token input[name=label]")).sendKeys(PAYLOAD);
        browser.findElement(By.cssSelector("#add-token button[type=submit]")).click();
        HeadlessChromium.awaitUrl(browser, "/admin/tokens");

        // the review loop: a period named as a script (a name holds no '/'), a comment and a waiver's reason written as one
        String periodName = "\"'><b class=planted>P<img src=x onerror=\"document.title='pwned'\">";
        io.pilotcheck.app.Application app = new io.pilotcheck.app.Application(TestRules::book, () -> store);
        io.pilotcheck.store.ReviewStore.Period period = app.periods().add(periodName, java.time.LocalDate.now().plusDays(10),
                java.time.LocalDate.of(2020, 6, 30), List.of(), "admin", null, Instant.now());
        io.pilotcheck.app.Caller admin = io.pilotcheck.app.Caller.of(store.account("admin").orElseThrow(), null);
        HttpResponse<String> inPeriod = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/submissions?name=03-dalian.yaml&period="
                + encoded(periodName)))).header("Authorization", "Bearer " + new io.pilotcheck.app.Tokens(store).add("admin", "t", "submit",
                "cli", null, Instant.now()).secret()).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(dossier)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inPeriod.statusCode()).as(inPeriod.body()).isEqualTo(201);
        app.reviews().open(admin, periodName, "大连市", null, Instant.now());
        app.reviews().decide(admin, periodName, "大连市", "LCP-PLAN-01", app.reviews().review(admin.scope(), periodName, "大连市",
                java.time.LocalDate.now()).findings().get(1).finding().path(), "waived", PAYLOAD, java.time.LocalDate.of(2027, 6, 30), null,
                Instant.now());
        app.reviews().comment(admin, periodName, "大连市", null, null, PAYLOAD, null, Instant.now());
        String periodPath = "/periods/" + encoded(periodName).replace("+", "%20");

        Map<String, String> shown = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(List.of("/", "/pilots", "/pilots/Dalian", "/pilots/Dalian/report", "/pilots/recheck",
                "/admin/accounts", "/admin/tokens", "/admin/audit", "/admin/audit?actor=" + encoded(PAYLOAD),
                "/login?next=" + encoded("/" + PAYLOAD), "/no/such/" + encoded(PAYLOAD), "/pilots?province=" + encoded(PAYLOAD),
                "/pilots/" + encoded(PAYLOAD), "/?lang=" + encoded(PAYLOAD), periodPath, periodPath + "/pilots/Dalian", "/inbox",
                "/admin/periods"));
        for (String id : ids) {
            paths.add("/submissions/" + id);
            paths.add("/submissions/" + id + "/report");
        }
        for (String path : paths) {
            shown.put(path, open(path));
        }
        // each plant reached a page, shown as the text it is
        String cityId = ids.stream().filter(id -> store.submission(Scope.all(), id).orElseThrow().files().get(0).name().equals("city.yaml"))
                .findFirst().orElseThrow();
        String fileId = ids.stream().filter(id -> !id.equals(cityId)).findFirst().orElseThrow();
        assertThat(shown.get("/submissions/" + cityId + "/report")).as("a dossier's field").contains(SEEN);
        assertThat(shown.get("/submissions/" + fileId)).as("a file name and a submitter").contains(SEEN + "<img");
        assertThat(shown.get("/admin/accounts")).as("a display name").contains(SEEN);
        assertThat(shown.get("/admin/tokens")).as("a token's label").contains(SEEN);
        assertThat(shown.get("/admin/audit")).as("a login name typed at the login page").contains(SEEN);
        assertThat(shown.get("/admin/periods")).as("a period's name").contains("<b class=planted>P<img");
        assertThat(shown.get(periodPath + "/pilots/Dalian")).as("a comment and a waiver's reason").contains(SEEN + "<img", "<b class=planted>P<img");
        assertThat(shown.get("/no/such/" + encoded(PAYLOAD))).as("a path, shown as it was sent").contains("%3Cb+class%3Dplanted");
    }
}
