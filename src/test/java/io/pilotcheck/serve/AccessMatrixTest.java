package io.pilotcheck.serve;

import io.pilotcheck.TestRules;
import io.pilotcheck.app.Accounts;
import io.pilotcheck.app.Tokens;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix of docs/spec/access.md, over a real port, on the embedded store and on
 * PostgreSQL: every route of the service's table, asked by each kind of caller — nobody, an
 * admin, a reviewer of 辽宁省, the submitter of 大连市, and tokens of each scope — for something
 * in its scope (大连市) and something out of it (乌海市). Out of scope is 404, a role that may never
 * use a route is 403, nobody signed in is sent to the login page or answered 401. A route added
 * to the table without a row here fails the test.
 */
class AccessMatrixTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant T = Instant.now();
    /** Expected of a caller the route admits to a step of the review loop: 200, or 409/422 when the pilot's state refuses the step. */
    private static final int A = -1;
    /** The callers, in the order each row's expected statuses are written. */
    private static final List<String> CALLERS = List.of("anonymous", "admin", "reviewer", "submitter", "read", "submit", "metrics");

    @TempDir
    Path tmp;

    private CheckServer server;
    private SubmissionStore store;
    private final Map<String, Map<String, String>> headers = new LinkedHashMap<>();
    private final Map<String, String> csrf = new LinkedHashMap<>();
    private String dalianId;
    private String wuhaiId;
    private final AtomicInteger unique = new AtomicInteger();

    static StoreLocation.Kind[] kinds() {
        return TestDatabases.kinds();
    }

    /** A request of a row: its method, its path (the caller's name given, for what must be unique), its body. */
    private record Ask(String method, Function<String, String> path, Function<String, Body> body) {
    }

    /** A body and its type. */
    private record Body(String type, byte[] bytes) {
    }

    /** One row of the matrix: a route, and a request of it with each caller's expected status. */
    private record Row(String route, Ask ask, int... expected) {
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyRouteAnswersEachCallerAsItsRoleAndScopeAllow(StoreLocation.Kind kind) throws Exception {
        start(kind);
        try {
            List<Row> rows = rows();
            Set<String> covered = new TreeSet<>();
            rows.forEach(r -> covered.add(r.route()));
            Set<String> table = new TreeSet<>();
            server.routes().forEach(r -> table.add(r.method().name() + " " + r.path()));
            assertThat(covered).as("every route of the table has rows in the matrix, and no row names a route that is not there")
                    .isEqualTo(table);
            List<String> wrong = new ArrayList<>();
            for (Row row : rows) {
                for (int i = 0; i < CALLERS.size(); i++) {
                    String caller = CALLERS.get(i);
                    HttpResponse<String> r = send(caller, row.ask());
                    boolean admitted = row.expected()[i] == A
                            && (r.statusCode() == 200 || r.statusCode() == 303 || r.statusCode() == 409 || r.statusCode() == 422);
                    if (r.statusCode() != row.expected()[i] && !admitted) {
                        wrong.add(row.route() + " (" + row.ask().method() + " " + row.ask().path().apply(caller) + ") as " + caller
                                + ": " + r.statusCode() + ", expected " + row.expected()[i] + " " + r.body().substring(0, Math.min(200, r.body().length())));
                    }
                }
            }
            assertThat(wrong).as("requests answered otherwise than the matrix says").isEmpty();
        } finally {
            server.close();
            store.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void listsHoldOnlyWhatIsInScope(StoreLocation.Kind kind) throws Exception {
        start(kind);
        try {
            Map<String, List<String>> seen = Map.of("admin", List.of("大连市", "沈阳市", "乌海市"), "reviewer", List.of("大连市", "沈阳市"),
                    "submitter", List.of("大连市"), "read", List.of("大连市", "沈阳市"), "submit", List.of("大连市"));
            for (Map.Entry<String, List<String>> e : seen.entrySet()) {
                Set<String> all = new TreeSet<>(List.of("大连市", "沈阳市", "乌海市"));
                all.removeAll(e.getValue());
                for (String path : List.of("/api/v1/submissions", "/api/v1/pilots?lang=zh", "/pilots", "/")) {
                    String body = send(e.getKey(), new Ask("GET", c -> path, null)).body();
                    if (path.startsWith("/api/v1/submissions") || path.startsWith("/pilots")) {
                        assertThat(body).as(e.getKey() + " " + path).contains(e.getValue().get(0));
                    }
                    for (String hidden : all) {
                        assertThat(body).as(e.getKey() + " " + path + " must not name " + hidden).doesNotContain(hidden);
                    }
                }
            }
            // what is out of scope answers as what does not exist: the same 404, the path aside
            String missing = send("reviewer", new Ask("GET", c -> "/api/v1/submissions/" + "0".repeat(32), null)).body();
            String hidden = send("reviewer", new Ask("GET", c -> "/api/v1/submissions/" + wuhaiId, null)).body();
            assertThat(hidden.replace(wuhaiId, "ID")).isEqualTo(missing.replace("0".repeat(32), "ID"));
        } finally {
            server.close();
            store.close();
        }
    }

    private void start(StoreLocation.Kind kind) throws Exception {
        store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp.resolve("store")));
        Accounts accounts = new Accounts(store, () -> TestRules.book().registry());
        accounts.add("admin", null, Accounts.AccountRole.admin, List.of(), null, "admin password", "cli", null, T);
        accounts.add("li.si", "李四", Accounts.AccountRole.reviewer, List.of("辽宁省"), null, "reviewer password", "cli", null, T);
        accounts.add("dalian", null, Accounts.AccountRole.submitter, List.of(), "大连市", "dalian password", "cli", null, T);
        Tokens tokens = new Tokens(store);
        String seeding = tokens.add("admin", "seeding", "submit", "cli", null, T).secret();
        headers.put("anonymous", Map.of());
        headers.put("read", Map.of("Authorization", "Bearer " + tokens.add("li.si", "dashboard", "read", "cli", null, T).secret()));
        headers.put("submit", Map.of("Authorization", "Bearer " + tokens.add("dalian", "upload", "submit", "cli", null, T).secret()));
        headers.put("metrics", Map.of("Authorization", "Bearer " + tokens.add("admin", "prometheus", "metrics", "cli", null, T).secret()));
        server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), UploadLimits.DEFAULTS, line -> { },
                () -> store, "").start("127.0.0.1", 0);
        for (String f : List.of("03-dalian.yaml", "02-shenyang.yaml", "01-wuhai.yaml")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/submissions?name=" + f))
                    .header("Authorization", "Bearer " + seeding).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fixtures", f))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            Matcher id = Pattern.compile("\"id\" : \"([0-9a-f]{32})\"").matcher(r.body());
            assertThat(id.find()).isTrue();
            if (f.contains("dalian")) {
                dalianId = id.group(1);
            } else if (f.contains("wuhai")) {
                wuhaiId = id.group(1);
            }
        }
        // a period, with 大连市's dossier submitted in it
        HttpResponse<String> period = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/periods")).header("Authorization", "Bearer " + seeding)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"P\", \"due\": \"2030-01-01\", \"as_of\": \"2020-06-30\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(period.statusCode()).as(period.body()).isEqualTo(403); // a submit token does not administer
        new io.pilotcheck.app.Application(TestRules::book, () -> store).periods().add("P", java.time.LocalDate.of(2030, 1, 1),
                java.time.LocalDate.of(2020, 6, 30), List.of(), "admin", null, T);
        HttpResponse<String> inPeriod = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/submissions?name=03-dalian.yaml&period=P"))
                .header("Authorization", "Bearer " + seeding).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fixtures", "03-dalian.yaml"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inPeriod.statusCode()).as(inPeriod.body()).isEqualTo(201);
        signIn("admin", "admin", "admin password");
        signIn("reviewer", "li.si", "reviewer password");
        signIn("submitter", "dalian", "dalian password");
    }

    private void signIn(String caller, String name, String password) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&next=%2F")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = cookie.substring(0, cookie.indexOf(';'));
        headers.put(caller, Map.of("Cookie", cookie));
        String page = HTTP.send(HttpRequest.newBuilder(uri("/pilots")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("csrf=([0-9a-f]{64})").matcher(page);
        assertThat(m.find()).isTrue();
        csrf.put(caller, m.group(1));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(String caller, Ask ask) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(ask.path().apply(caller)));
        headers.get(caller).forEach(b::header);
        if (!ask.method().equals("GET")) {
            if (csrf.containsKey(caller)) {
                b.header("X-CSRF-Token", csrf.get(caller));
            }
            Body body = ask.body() == null ? null : ask.body().apply(caller);
            if (body == null) {
                b.POST(HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", body.type()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            }
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Ask get(String path) {
        return new Ask("GET", c -> path, null);
    }

    private static Body yaml(String fixture) {
        try {
            return new Body("application/yaml", Files.readAllBytes(Path.of("fixtures", fixture)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Body form(String fields) {
        return new Body("application/x-www-form-urlencoded", fields.getBytes(StandardCharsets.UTF_8));
    }

    /** The page's upload form's body: one dossier in the {@code files} part. */
    private static Body upload(String fixture) {
        String boundary = "matrix" + fixture.hashCode();
        byte[] file = yaml(fixture).bytes();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fixture
                + "\"\r\nContent-Type: application/yaml\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(file, 0, all, head.length, file.length);
        System.arraycopy(tail, 0, all, head.length + file.length, tail.length);
        return new Body("multipart/form-data; boundary=" + boundary, all);
    }

    /** An account made for a row to change, so that no row changes what another uses. */
    private String throwaway() {
        String name = "temp" + unique.incrementAndGet();
        new Accounts(store, () -> TestRules.book().registry()).add(name, null, Accounts.AccountRole.submitter, List.of(), "大连市",
                "throwaway password", "cli", null, T);
        return name;
    }

    private String throwawayPeriod() {
        String name = "temp-period-" + unique.incrementAndGet();
        new io.pilotcheck.app.Application(TestRules::book, () -> store).periods().add(name, java.time.LocalDate.of(2031, 1, 1), null,
                List.of(), "admin", null, T);
        return name;
    }

    private static Body json(String text) {
        return new Body("application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    private String throwawayToken() {
        return new Tokens(store).add("dalian", "temp", "read", "cli", null, T).token().id();
    }

    /**
     * The matrix. Each row's statuses are, in order: nobody, admin, reviewer of 辽宁省, submitter of
     * 大连市, a read token (the reviewer's), a submit token (the submitter's), a metrics token (the admin's).
     */
    private List<Row> rows() {
        String in = dalianId;
        String out = wuhaiId;
        List<Row> rows = new ArrayList<>();
        // public
        rows.add(new Row("GET /assets/upload.js", get("/assets/upload.js"), 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET /healthz", get("/healthz"), 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET /readyz", get("/readyz"), 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET /login", get("/login"), 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("POST /login", new Ask("POST", c -> "/login", c -> form("name=nobody&password=wrong+password&next=%2F")),
                401, 401, 401, 401, 401, 401, 401));
        // checking and keeping
        rows.add(new Row("GET /", get("/"), 303, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("POST /", new Ask("POST", c -> "/", c -> upload("03-dalian.yaml")), 401, 200, 403, 200, 403, 200, 403));
        rows.add(new Row("POST /", new Ask("POST", c -> "/", c -> upload("01-wuhai.yaml")), 401, 200, 403, 422, 403, 422, 403));
        rows.add(new Row("POST /api/v1/check", new Ask("POST", c -> "/api/v1/check?name=01-wuhai.yaml", c -> yaml("01-wuhai.yaml")),
                401, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /api/v1/rules", get("/api/v1/rules"), 401, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /api/v1/openapi.json", get("/api/v1/openapi.json"), 401, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("POST /api/v1/submissions", new Ask("POST", c -> "/api/v1/submissions?name=03-dalian.yaml",
                c -> yaml("03-dalian.yaml")), 401, 201, 403, 201, 403, 201, 403));
        rows.add(new Row("POST /api/v1/submissions", new Ask("POST", c -> "/api/v1/submissions?name=01-wuhai.yaml",
                c -> yaml("01-wuhai.yaml")), 401, 201, 403, 422, 403, 422, 403));
        // submissions: in scope, out of scope
        rows.add(new Row("GET /api/v1/submissions", get("/api/v1/submissions"), 401, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /api/v1/submissions/{id}", get("/api/v1/submissions/" + in), 401, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /api/v1/submissions/{id}", get("/api/v1/submissions/" + out), 401, 200, 404, 404, 404, 404, 403));
        rows.add(new Row("GET /api/v1/submissions/{id}/files/<path>", get("/api/v1/submissions/" + in + "/files/03-dalian.yaml"),
                401, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /api/v1/submissions/{id}/files/<path>", get("/api/v1/submissions/" + out + "/files/01-wuhai.yaml"),
                401, 200, 404, 404, 404, 404, 403));
        rows.add(new Row("GET /submissions/{id}", get("/submissions/" + in), 303, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /submissions/{id}", get("/submissions/" + out), 303, 200, 404, 404, 404, 404, 403));
        rows.add(new Row("GET /submissions/{id}/report", get("/submissions/" + in + "/report"), 303, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /submissions/{id}/report", get("/submissions/" + out + "/report"), 303, 200, 404, 404, 404, 404, 403));
        rows.add(new Row("GET /submissions/{id}/{file}", get("/submissions/" + in + "/report.csv"), 303, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /submissions/{id}/{file}", get("/submissions/" + out + "/report.csv"), 303, 200, 404, 404, 404, 404, 403));
        // pilots
        rows.add(new Row("GET /pilots", get("/pilots"), 303, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /pilots/{city}", get("/pilots/Dalian"), 303, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /pilots/{city}", get("/pilots/Wuhai"), 303, 200, 404, 404, 404, 404, 403));
        rows.add(new Row("GET /pilots/{city}/{file}", get("/pilots/Dalian/report.json"), 303, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /pilots/{city}/{file}", get("/pilots/Wuhai/report.json"), 303, 200, 404, 404, 404, 404, 403));
        rows.add(new Row("GET /pilots/{city}/{file}", get("/pilots/Dalian/template.xlsx"), 303, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /pilots/{city}/{file}", get("/pilots/Wuhai/template.xlsx"), 303, 200, 404, 404, 404, 404, 403));
        // the pilot's web form: its submitters and the reviewers in scope; only a submitter submits
        rows.add(new Row("GET /pilots/{city}/edit", get("/pilots/Dalian/edit"), 303, 200, 200, 200, 403, 200, 403));
        rows.add(new Row("GET /pilots/{city}/edit", get("/pilots/Wuhai/edit"), 303, 200, 404, 404, 404, 404, 403));
        rows.add(new Row("POST /pilots/{city}/edit", new Ask("POST", c -> "/pilots/Dalian/edit",
                c -> form("action=check&city=%E5%A4%A7%E8%BF%9E%E5%B8%82&as_of=2020-06-30")), 401, 200, 200, 200, 403, 200, 403));
        rows.add(new Row("POST /pilots/{city}/edit", new Ask("POST", c -> "/pilots/Wuhai/edit",
                c -> form("action=check&city=%E4%B9%8C%E6%B5%B7%E5%B8%82&as_of=2020-06-30")), 401, 200, 404, 404, 404, 404, 403));
        rows.add(new Row("POST /pilots/{city}/edit", new Ask("POST", c -> "/pilots/Dalian/edit",
                c -> form("action=submit&city=%E5%A4%A7%E8%BF%9E%E5%B8%82&as_of=2020-06-30")), 401, A, 403, A, 403, A, 403));
        rows.add(new Row("GET /assets/edit.js", get("/assets/edit.js"), 200, 200, 200, 200, 200, 200, 200));
        rows.add(new Row("GET /api/v1/pilots", get("/api/v1/pilots"), 401, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /api/v1/pilots/{city}/history", get("/api/v1/pilots/Dalian/history"), 401, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /api/v1/pilots/{city}/history", get("/api/v1/pilots/Wuhai/history"), 401, 200, 404, 404, 404, 404, 403));
        // re-checks: the reviewer's and the admin's
        rows.add(new Row("GET /pilots/recheck", get("/pilots/recheck"), 303, 200, 200, 403, 403, 403, 403));
        rows.add(new Row("POST /pilots/recheck", new Ask("POST", c -> "/pilots/recheck", null), 401, 200, 200, 403, 403, 403, 403));
        rows.add(new Row("POST /api/v1/recheck", new Ask("POST", c -> "/api/v1/recheck", null), 401, 200, 200, 403, 403, 403, 403));
        // the operator's
        rows.add(new Row("GET /metrics", get("/metrics"), 401, 200, 403, 403, 403, 403, 200));
        // the admin's pages: 403 for every other role, the login page for nobody
        rows.add(new Row("GET /admin", get("/admin"), 303, 303, 403, 403, 403, 403, 403));
        rows.add(new Row("GET /admin/accounts", get("/admin/accounts"), 303, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("POST /admin/accounts", new Ask("POST", c -> "/admin/accounts",
                c -> form("name=made-by-" + c + "&role=submitter&city=" + URLEncoder.encode("沈阳市", StandardCharsets.UTF_8)
                        + "&password=another+password")), 401, 201, 403, 403, 403, 403, 403));
        rows.add(new Row("POST /admin/accounts/{name}/disable", new Ask("POST", c -> "/admin/accounts/" + throwaway() + "/disable", null),
                401, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("POST /admin/accounts/{name}/enable", new Ask("POST", c -> "/admin/accounts/" + throwaway() + "/enable", null),
                401, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("POST /admin/accounts/{name}/password", new Ask("POST", c -> "/admin/accounts/" + throwaway() + "/password", null),
                401, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("GET /admin/tokens", get("/admin/tokens"), 303, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("POST /admin/tokens", new Ask("POST", c -> "/admin/tokens", c -> form("account=dalian&label=ci&scope=read")),
                401, 201, 403, 403, 403, 403, 403));
        rows.add(new Row("POST /admin/tokens/{id}/revoke", new Ask("POST", c -> "/admin/tokens/" + throwawayToken() + "/revoke", null),
                401, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("GET /admin/audit", get("/admin/audit?action=login"), 303, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("GET /admin/audit", get("/admin/audit?format=csv"), 303, 200, 403, 403, 403, 403, 403));
        // the review loop: periods, a pilot's state and review, its steps, notifications
        rows.add(new Row("GET /api/v1/periods", get("/api/v1/periods"), 401, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("POST /api/v1/periods", new Ask("POST", c -> "/api/v1/periods", c -> json("{\"name\": \"made-by-" + c
                + "\", \"due\": \"2031-01-01\"}")), 401, 201, 403, 403, 403, 403, 403));
        rows.add(new Row("POST /api/v1/periods/{period}/close", new Ask("POST", c -> "/api/v1/periods/" + throwawayPeriod() + "/close", null),
                401, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("GET /api/v1/periods/{period}/pilots", get("/api/v1/periods/P/pilots"), 401, 200, 200, 200, 200, 200, 403));
        String pilot = "/api/v1/periods/P/pilots/";
        rows.add(new Row("GET /api/v1/periods/{period}/pilots/{city}", get(pilot + "Dalian"), 401, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /api/v1/periods/{period}/pilots/{city}", get(pilot + "Wuhai"), 401, 200, 404, 404, 404, 404, 403));
        // a step's body as a client sends it: none where the step takes none (Jetty's minimum data rate
        // judges a body of a few bytes read after the caller's lookup as trickled; see the closing note)
        Map<String, String> bodies = Map.of("open", "", "accept", "",
                "decisions", "{\"rule\": \"LCP-PLAN-01\", \"path\": \"low_carbon_plan.adopted\", \"kind\": \"noted\", \"reason\": \"checked by the matrix\"}",
                "return", "{\"comment\": \"returned by the access matrix test, with a reason long enough\"}");
        for (String step : List.of("open", "decisions", "return", "accept")) {
            String route = "POST /api/v1/periods/{period}/pilots/{city}/" + step;
            java.util.function.Function<String, Body> body = c -> bodies.get(step).isEmpty() ? null : json(bodies.get(step));
            rows.add(new Row(route, new Ask("POST", c -> pilot + "Dalian/" + step, body), 401, A, A, 403, 403, 403, 403));
            rows.add(new Row(route, new Ask("POST", c -> pilot + "Wuhai/" + step, body), 401, A, 404, 403, 403, 403, 403));
        }
        rows.add(new Row("POST /api/v1/periods/{period}/pilots/{city}/withdraw", new Ask("POST", c -> pilot + "Wuhai/withdraw", null),
                401, A, 403, 404, 403, 404, 403));
        rows.add(new Row("POST /api/v1/periods/{period}/pilots/{city}/withdraw", new Ask("POST", c -> pilot + "Dalian/withdraw", null),
                401, A, 403, A, 403, A, 403));
        rows.add(new Row("POST /api/v1/periods/{period}/pilots/{city}/reopen", new Ask("POST", c -> pilot + "Dalian/reopen",
                c -> json("{\"reason\": \"reopened by the access matrix test, with a reason long enough\"}")),
                401, A, 403, 403, 403, 403, 403));
        rows.add(new Row("POST /api/v1/periods/{period}/pilots/{city}/comments", new Ask("POST", c -> pilot + "Dalian/comments",
                c -> json("{\"body\": \"a comment by " + c + " for the access matrix test, long enough to arrive at once\"}")),
                401, A, A, A, 403, A, 403));
        rows.add(new Row("POST /api/v1/periods/{period}/pilots/{city}/comments", new Ask("POST", c -> pilot + "Wuhai/comments",
                c -> json("{\"body\": \"a comment by " + c + " for the access matrix test, long enough to arrive at once\"}")),
                401, A, 404, 404, 404, 404, 403));
        rows.add(new Row("GET /api/v1/inbox", get("/api/v1/inbox"), 401, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /periods/{period}", get("/periods/P"), 303, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /periods/{period}/pilots/{city}", get("/periods/P/pilots/Dalian"), 303, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /periods/{period}/pilots/{city}", get("/periods/P/pilots/Wuhai"), 303, 200, 404, 404, 404, 404, 403));
        rows.add(new Row("POST /periods/{period}/pilots/{city}/{action}", new Ask("POST", c -> "/periods/P/pilots/Dalian/open", null),
                401, A, A, 403, 403, 403, 403));
        rows.add(new Row("POST /periods/{period}/pilots/{city}/{action}", new Ask("POST", c -> "/periods/P/pilots/Dalian/comment",
                c -> form("body=a+comment+by+" + c + "+for+the+access+matrix+test+long+enough+to+arrive+at+once")), 401, 303, 303, 303, 403, 303, 403));
        rows.add(new Row("POST /periods/{period}/pilots/{city}/{action}", new Ask("POST", c -> "/periods/P/pilots/Wuhai/comment",
                c -> form("body=a+comment+by+" + c + "+for+the+access+matrix+test+long+enough+to+arrive+at+once")), 401, 303, 404, 404, 404, 404, 403));
        rows.add(new Row("GET /inbox", get("/inbox"), 303, 200, 200, 200, 200, 200, 403));
        rows.add(new Row("GET /admin/periods", get("/admin/periods"), 303, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("POST /admin/periods", new Ask("POST", c -> "/admin/periods", c -> form("name=page-" + c + "&due=2031-02-01")),
                401, 201, 403, 403, 403, 403, 403));
        rows.add(new Row("POST /admin/periods/{period}/close", new Ask("POST", c -> "/admin/periods/" + throwawayPeriod() + "/close", null),
                401, 200, 403, 403, 403, 403, 403));
        rows.add(new Row("POST /api/v1/inbox/read", new Ask("POST", c -> "/api/v1/inbox/read", null), 401, 200, 200, 200, 200, 200, 403));
        // last, as it ends the session: any caller may sign out; a metrics token is no caller of pages
        rows.add(new Row("POST /logout", new Ask("POST", c -> "/logout", null), 401, 303, 303, 303, 303, 303, 403));
        return rows;
    }
}
