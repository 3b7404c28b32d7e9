package io.pilotcheck.serve;

import io.pilotcheck.TestRules;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.app.Tokens;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared mode over a real port (docs/spec/access.md): once the store holds an account, nobody
 * signed in reaches a page or the API; each account sees its scope and no more (404 beyond it),
 * uses only its role's routes (403), and a browser's change carries its session's CSRF token.
 */
class SharedModeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant T = Instant.now();

    @TempDir
    Path tmp;

    private SubmissionStore store;
    private CheckServer server;
    private String adminToken;

    @BeforeEach
    void start() throws Exception {
        store = SqlSubmissionStore.open(TestDatabases.fresh(StoreLocation.Kind.SQLITE, tmp.resolve("store")));
        Accounts accounts = new Accounts(store, () -> TestRules.book().registry());
        accounts.add("admin", null, Accounts.AccountRole.admin, List.of(), null, "admin password", "cli", null, T);
        accounts.add("li.si", "李四", Accounts.AccountRole.reviewer, List.of("辽宁省"), null, "reviewer password", "cli", null, T);
        accounts.add("dalian", null, Accounts.AccountRole.submitter, List.of(), "大连市", "dalian password", "cli", null, T);
        adminToken = new Tokens(store).add("admin", "seeding", "submit", "cli", null, T).secret();
        server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), UploadLimits.DEFAULTS, line -> { },
                () -> store, "").hosts(Set.of("pilotcheck.local")).start("127.0.0.1", 0);
        for (String f : List.of("03-dalian.yaml", "02-shenyang.yaml", "01-wuhai.yaml")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/submissions?name=" + f))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fixtures", f))));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the login form; the session cookie. */
    private String login(String name, String password) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&next=%2Fpilots")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/pilots");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure"); // plain HTTP here
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie));
    }

    /** The CSRF token a signed-in page's forms carry. */
    private String csrf(String cookie) throws Exception {
        Matcher m = Pattern.compile("csrf=([0-9a-f]{64})").matcher(get("/pilots", cookie).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void nobodySignedInReachesNothingButTheLoginPageAndHealth() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/pilots?province=辽宁".replace("辽宁", "%E8%BE%BD%E5%AE%81"))));
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).startsWith("/login?next=%2Fpilots%3Fprovince%3D");
        HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/v1/pilots")));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(api.body()).contains("unauthenticated");
        assertThat(send(HttpRequest.newBuilder(uri("/healthz"))).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/login"))).body()).contains("id=\"login\"");
        assertThat(send(HttpRequest.newBuilder(uri("/metrics"))).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=li.si&password=wrong+password&next=%2F")));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("id=\"login-failed\"");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void eachAccountSeesItsScopeAndUsesItsRoleOnly() throws Exception {
        String reviewer = login("li.si", "reviewer password");
        String pilots = get("/api/v1/pilots", reviewer).body();
        assertThat(pilots).contains("Dalian", "Shenyang").doesNotContain("Wuhai");
        assertThat(get("/pilots", reviewer).body()).contains("大连市").doesNotContain("乌海市").contains("id=\"signed-in\"");
        assertThat(get("/pilots/Wuhai", reviewer).statusCode()).as("out of scope").isEqualTo(404);
        assertThat(get("/pilots/Dalian", reviewer).statusCode()).isEqualTo(200);
        assertThat(get("/metrics", reviewer).statusCode()).as("a reviewer's role never reads metrics").isEqualTo(403);

        // a change from the reviewer's browser carries the session's token
        HttpResponse<String> bare = send(HttpRequest.newBuilder(uri("/api/v1/recheck")).header("Cookie", reviewer)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(bare.body()).contains("csrf");
        HttpResponse<String> recheck = send(HttpRequest.newBuilder(uri("/api/v1/recheck")).header("Cookie", reviewer)
                .header("X-CSRF-Token", csrf(reviewer)).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(recheck.statusCode()).as(recheck.body()).isEqualTo(200);

        String dalian = login("dalian", "dalian password");
        assertThat(get("/api/v1/pilots", dalian).body()).contains("Dalian").doesNotContain("Shenyang");
        String token = csrf(dalian);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/recheck")).header("Cookie", dalian).header("X-CSRF-Token", token)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("a submitter does not re-check").isEqualTo(403);
        HttpResponse<String> shenyang = send(HttpRequest.newBuilder(uri("/api/v1/submissions?name=02-shenyang.yaml")).header("Cookie", dalian)
                .header("X-CSRF-Token", token).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fixtures/02-shenyang.yaml"))));
        assertThat(shenyang.statusCode()).isEqualTo(422);
        assertThat(shenyang.body()).contains("out_of_scope", "沈阳市", "a dossier of Shenyang (沈阳市)");
        HttpResponse<String> own = send(HttpRequest.newBuilder(uri("/api/v1/submissions?name=03-dalian.yaml")).header("Cookie", dalian)
                .header("X-CSRF-Token", token).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fixtures/03-dalian.yaml"))));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(store.ids(io.pilotcheck.registry.Scope.all())).hasSize(4);

        // signed out, the cookie opens nothing
        HttpResponse<String> out = send(HttpRequest.newBuilder(uri("/logout")).header("Cookie", dalian).header("X-CSRF-Token", token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(get("/api/v1/pilots", dalian).statusCode()).isEqualTo(401);
    }

    @Test
    void aReadTokenReadsAndChangesNothing() throws Exception {
        String read = new Tokens(store).add("li.si", "dashboard", "read", "admin", null, T).secret();
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/pilots")).header("Authorization", "Bearer " + read)).body())
                .contains("Dalian").doesNotContain("Wuhai");
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/recheck")).header("Authorization", "Bearer " + read)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/pilots")).header("Authorization", "Bearer pct_forged")).statusCode())
                .isEqualTo(401);
        String metrics = new Tokens(store).add("admin", "prometheus", "metrics", "admin", null, T).secret();
        assertThat(send(HttpRequest.newBuilder(uri("/metrics")).header("Authorization", "Bearer " + metrics)).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/pilots")).header("Authorization", "Bearer " + metrics)).statusCode())
                .as("a metrics token reads nothing else").isEqualTo(403);
    }

    @Test
    void onlyTheNamedHostsAreAnswered() throws Exception {
        assertThat(rawStatus("evil.example")).isEqualTo(421);
        assertThat(rawStatus("pilotcheck.local:" + server.port())).isEqualTo(200);
        assertThat(rawStatus("localhost:" + server.port())).isEqualTo(200);
    }

    /** A service listening beyond loopback never serves without login, even if its store held no account. */
    @Test
    void beyondLoopbackThereIsNoDesktopMode() throws Exception {
        try (SubmissionStore empty = SqlSubmissionStore.open(TestDatabases.fresh(StoreLocation.Kind.SQLITE, tmp.resolve("empty")))) {
            CheckServer open = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), UploadLimits.DEFAULTS,
                    line -> { }, () -> empty, "").start("0.0.0.0", 0);
            try {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + open.port() + "/api/v1/pilots")));
                assertThat(r.statusCode()).isEqualTo(401);
            } finally {
                open.close();
            }
        }
    }

    /** The page's "check only" keeps nothing: a city tries its dossier before sending it (docs/spec/review.md). */
    @Test
    void checkOnlyFromThePageKeepsNothing() throws Exception {
        String dalian = login("dalian", "dalian password");
        String boundary = "try";
        byte[] file = Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"keep\"\r\n\r\nno\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"03-dalian.yaml\"\r\nContent-Type: application/yaml\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        int before = store.ids(io.pilotcheck.registry.Scope.all()).size();
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/")).header("Cookie", dalian).header("X-CSRF-Token", csrf(dalian))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("大连市");
        assertThat(store.ids(io.pilotcheck.registry.Scope.all())).hasSize(before);
    }

    /** The status of {@code GET /healthz} sent with this {@code Host} (which Java's HTTP client will not set). */
    private int rawStatus(String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
