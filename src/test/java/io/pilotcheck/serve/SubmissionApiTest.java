package io.pilotcheck.serve;

import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.sql.SqlSubmissionStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.TestRules;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
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
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/submissions} over a real port, kept in H2 and in a real PostgreSQL. */
class SubmissionApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static CheckServer serve(SubmissionStore store) {
        return new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), UploadLimits.DEFAULTS,
                line -> { }, store).start("127.0.0.1", 0);
    }

    private static HttpResponse<byte[]> send(CheckServer server, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder at(CheckServer server, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void aSubmissionIsAnswered201OnceKeptAndReadBackWithItsFilesAndReport(StoreLocation.Kind kind) throws Exception {
        List<Path> fixtures;
        try (Stream<Path> all = Files.walk(Path.of("fixtures"))) {
            fixtures = all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        StoreLocation where = TestDatabases.fresh(kind, tmp);
        String location;
        JsonNode posted;
        try (SubmissionStore store = SqlSubmissionStore.open(where)) {
            CheckServer server = serve(store);
            try {
                HttpResponse<byte[]> r = send(server, at(server, "/api/v1/submissions?submitter="
                        + URLEncoder.encode("辽宁省 王五", StandardCharsets.UTF_8))
                        .header("Content-Type", "multipart/form-data; boundary=b0undary")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(CheckServerTest.multipart("b0undary", fixtures))));
                assertThat(r.statusCode()).isEqualTo(201);
                location = r.headers().firstValue("Location").orElseThrow();
                posted = JSON.readTree(r.body());
                assertThat(location).isEqualTo("/api/v1/submissions/" + posted.get("id").asText());
                assertThat(posted.at("/report/summary/dossiers").asInt()).isEqualTo(54);
                assertThat(r.headers().firstValue("X-Pilotcheck-Exit")).hasValue("1");
            } finally {
                server.close();
            }
        }
        // a new server on the same store, as after a restart
        try (SubmissionStore store = SqlSubmissionStore.open(where)) {
            CheckServer server = serve(store);
            try {
                JsonNode kept = JSON.readTree(send(server, at(server, location)).body());
                assertThat(kept.get("submitter").asText()).isEqualTo("辽宁省 王五");
                assertThat(kept.get("source").asText()).isEqualTo("api");
                assertThat(kept.get("files")).hasSize(54);
                assertThat(kept.get("report")).isEqualTo(posted.get("report"));
                for (Path f : fixtures) {
                    HttpResponse<byte[]> file = send(server, at(server, location + "/files/" + f.toString().replace('\\', '/')));
                    assertThat(file.statusCode()).isEqualTo(200);
                    assertThat(file.body()).isEqualTo(Files.readAllBytes(f));
                }
                HttpResponse<byte[]> xlsx = send(server, at(server, location + "?format=xlsx&lang=en"));
                assertThat(xlsx.statusCode()).isEqualTo(200);
                assertThat(xlsx.body()).startsWith('P', 'K');
                assertThat(send(server, at(server, "/api/v1/submissions/nosuch")).statusCode()).isEqualTo(404);
                assertThat(send(server, at(server, location + "/files/fixtures/nosuch.yaml")).statusCode()).isEqualTo(404);
            } finally {
                server.close();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void aStoreThatDoesNotAnswerGives503AndTheCheckStillWorks(StoreLocation.Kind kind) throws Exception {
        SubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp));
        CheckServer server = serve(store);
        try {
            store.close(); // the database gone from under the server
            byte[] dalian = Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
            HttpResponse<byte[]> r = send(server, at(server, "/api/v1/submissions?lang=en")
                    .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofByteArray(dalian)));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("store_unavailable");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            HttpResponse<byte[]> check = send(server, at(server, "/api/v1/check")
                    .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofByteArray(dalian)));
            assertThat(check.statusCode()).isEqualTo(200);
            HttpResponse<byte[]> ready = send(server, at(server, "/readyz"));
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(ready.body()).get("store").asText()).contains("closed");
        } finally {
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void aPilotsHistoryShowsWhatChangedSinceTheSubmissionBeforeAndThePilotsListItsLatest(StoreLocation.Kind kind) throws Exception {
        String v1 = Files.readString(Path.of("fixtures/03-dalian.yaml"));
        // the plan adopted in time now (LCP-PLAN-01 resolved), the revised plan two days late, not four (changed)
        String v2 = v1.replace("adopted: 2018-02-01", "adopted: 2017-12-01").replace("2017-01-30", "2017-01-28");
        assertThat(v2).isNotEqualTo(v1);
        try (SubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp))) {
            CheckServer server = serve(store);
            try {
                String first = submit(server, "dalian-2026Q2.yaml", v1);
                String second = submit(server, "dalian-2026Q3.yaml", v2);
                submit(server, "wuhai.yaml", Files.readString(Path.of("fixtures/01-wuhai.yaml")));

                JsonNode history = JSON.readTree(send(server, at(server, "/api/v1/pilots/Dalian/history")).body());
                assertThat(history.get("city").asText()).isEqualTo("大连市");
                assertThat(history.get("submissions")).hasSize(2);
                assertThat(history.at("/submissions/0/submission").asText()).isEqualTo(first);
                assertThat(history.at("/submissions/0/change").isNull()).isTrue();
                JsonNode change = history.at("/submissions/1/change");
                assertThat(history.at("/submissions/1/submission").asText()).isEqualTo(second);
                assertThat(change.get("resolved")).hasSize(1);
                assertThat(change.at("/resolved/0/rule").asText()).isEqualTo("LCP-PLAN-01");
                assertThat(change.get("new")).isEmpty();
                assertThat(change.get("changed")).hasSize(1);
                assertThat(change.at("/changed/0/after/message").asText()).contains("晚 2 天");
                assertThat(history.at("/submissions/1/counts/violation").asInt()).isEqualTo(1);

                JsonNode pilots = JSON.readTree(send(server, at(server, "/api/v1/pilots")).body()).get("pilots");
                assertThat(pilots).hasSize(45);
                assertThat(pilots.get(0).get("number").asInt()).isEqualTo(1);
                JsonNode dalian = null;
                int submitted = 0;
                for (JsonNode p : pilots) {
                    if (!p.get("latest").isNull()) {
                        submitted++;
                    }
                    if (p.get("city").asText().equals("大连市")) {
                        dalian = p;
                    }
                }
                assertThat(submitted).isEqualTo(2);
                assertThat(dalian.at("/latest/submission").asText()).isEqualTo(second);
                assertThat(dalian.at("/latest/current_rules").asBoolean()).isTrue();
                assertThat(dalian.at("/latest/violated_rules/0").asText()).isEqualTo("LCP-STAR-01");

                JsonNode list = JSON.readTree(send(server, at(server, "/api/v1/submissions?limit=2")).body());
                assertThat(list.at("/submissions/0/cities/0").asText()).isEqualTo("乌海市");
                assertThat(list.at("/submissions/1/id").asText()).isEqualTo(second);
                String cursor = list.get("next_cursor").asText();
                JsonNode rest = JSON.readTree(send(server, at(server, "/api/v1/submissions?limit=2&cursor=" + cursor)).body());
                assertThat(rest.get("submissions")).hasSize(1);
                assertThat(rest.at("/submissions/0/id").asText()).isEqualTo(first);
                assertThat(rest.get("next_cursor").isNull()).isTrue();
                JsonNode onlyDalian = JSON.readTree(send(server, at(server, "/api/v1/submissions?city=Dalian")).body());
                assertThat(onlyDalian.get("submissions")).hasSize(2);
                assertThat(send(server, at(server, "/api/v1/pilots/Atlantis/history")).statusCode()).isEqualTo(404);
                assertThat(send(server, at(server, "/api/v1/submissions?limit=0")).statusCode()).isEqualTo(400);
            } finally {
                server.close();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void aLongHistoryIsReadNewestFirstAPageAtATimeEachPageComparedWithTheSubmissionBeforeIt(StoreLocation.Kind kind) throws Exception {
        String v1 = Files.readString(Path.of("fixtures/03-dalian.yaml"));
        String v2 = v1.replace("adopted: 2018-02-01", "adopted: 2017-12-01");
        try (SubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp))) {
            CheckServer server = serve(store);
            try {
                List<String> ids = new java.util.ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    ids.add(submit(server, "dalian-" + i + ".yaml", i % 2 == 0 ? v1 : v2));
                }
                // re-checks give the newest submission many rows: a page is still one row a submission
                io.pilotcheck.store.EvaluationRecord again = store.evaluation(Scope.all(), store.submission(Scope.all(), ids.get(4)).orElseThrow()
                        .latest().id()).orElseThrow();
                for (int i = 0; i < 20; i++) {
                    // each under rules of its own, as twenty rule edits re-checked one after another would be
                    store.addEvaluationUnlessCurrent(ids.get(4), new io.pilotcheck.store.EvaluationRecord(again.evaluatedAt(),
                            again.reason(), "sha256:edit-" + i, again.ruleCount(), again.toolVersion(), again.asOf(), again.batch()));
                }

                JsonNode whole = JSON.readTree(send(server, at(server, "/api/v1/pilots/Dalian/history")).body());
                assertThat(whole.get("submissions")).hasSize(5);
                assertThat(whole.get("next_cursor").isNull()).isTrue();

                JsonNode newest = JSON.readTree(send(server, at(server, "/api/v1/pilots/Dalian/history?limit=2")).body());
                assertThat(newest.findValuesAsText("submission")).containsExactly(ids.get(3), ids.get(4));
                // the first of a page is compared with the one before it, which is on the next page
                assertThat(newest.at("/submissions/0/change/resolved/0/rule").asText()).isEqualTo("LCP-PLAN-01");
                assertThat(newest.at("/submissions/1/change/new/0/rule").asText()).isEqualTo("LCP-PLAN-01");
                assertThat(newest.get("next_cursor").asText()).isEqualTo(ids.get(3));
                JsonNode middle = JSON.readTree(send(server, at(server, "/api/v1/pilots/Dalian/history?limit=2&cursor="
                        + ids.get(3))).body());
                assertThat(middle.findValuesAsText("submission")).containsExactly(ids.get(1), ids.get(2));
                JsonNode oldest = JSON.readTree(send(server, at(server, "/api/v1/pilots/Dalian/history?limit=2&cursor="
                        + middle.get("next_cursor").asText())).body());
                assertThat(oldest.findValuesAsText("submission")).containsExactly(ids.get(0));
                assertThat(oldest.at("/submissions/0/change").isNull()).isTrue();
                assertThat(oldest.get("next_cursor").isNull()).isTrue();

                String page = new String(send(server, at(server, "/pilots/Dalian?limit=2")).body(), StandardCharsets.UTF_8);
                assertThat(page).contains("本页 2 次提交").contains("id=\"older\" href=\"/pilots/Dalian?lang=zh&amp;cursor=" + ids.get(3))
                        .doesNotContain("id=\"newest\"");
                String older = new String(send(server, at(server, "/pilots/Dalian?cursor=" + ids.get(3))).body(), StandardCharsets.UTF_8);
                assertThat(older).contains("本页 3 次提交").contains("id=\"newest\"").doesNotContain("id=\"older\"");
                assertThat(new String(send(server, at(server, "/pilots/Dalian")).body(), StandardCharsets.UTF_8)).contains("共 5 次提交");
            } finally {
                server.close();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void pilotsCheckedUnderOlderRulesAreNamedAndRecheckedAsNewEvaluations(StoreLocation.Kind kind) throws Exception {
        try (SubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp))) {
            // a submission checked under other rules than the server's, as before a rule edit
            io.pilotcheck.dossier.DossierInput dalian = io.pilotcheck.dossier.DossierInput.bytes("dalian.yaml",
                    Files.readAllBytes(Path.of("fixtures/03-dalian.yaml")));
            var batch = io.pilotcheck.api.Check.runToEnd(io.pilotcheck.api.CheckRequest.of(TestRules.book(), List.of(dalian))).batch();
            String old = store.record(new io.pilotcheck.store.NewSubmission(java.time.Instant.parse("2026-06-30T08:00:00Z"), "x",
                    io.pilotcheck.store.Source.API, List.of(new io.pilotcheck.store.NewSubmission.SubmittedFile("dalian.yaml",
                    Files.readAllBytes(Path.of("fixtures/03-dalian.yaml")))), new io.pilotcheck.store.EvaluationRecord(
                    java.time.Instant.parse("2026-06-30T08:00:01Z"), "submitted", "sha256:older", 30, "0.0.9", null, batch)));
            CheckServer server = serve(store);
            try {
                String page = new String(send(server, at(server, "/pilots")).body(), StandardCharsets.UTF_8);
                assertThat(page).contains("id=\"old-rules\"").contains("（按旧版规则检查）");
                JsonNode done = JSON.readTree(send(server, at(server, "/api/v1/recheck").POST(HttpRequest.BodyPublishers.noBody())).body());
                assertThat(done.get("rechecked").asInt()).isEqualTo(1);
                assertThat(done.at("/submissions/0").asText()).isEqualTo(old);
                JsonNode kept = JSON.readTree(send(server, at(server, "/api/v1/submissions/" + old)).body());
                assertThat(kept.get("evaluations")).hasSize(2);
                assertThat(kept.at("/evaluations/0/rules_fingerprint").asText()).isEqualTo("sha256:older");
                assertThat(kept.at("/evaluations/1/reason").asText()).isEqualTo("recheck");
                assertThat(kept.at("/evaluations/1/rules_fingerprint").asText()).isEqualTo(TestRules.book().fingerprint());
                assertThat(kept.at("/report/rules/fingerprint").asText()).isEqualTo(TestRules.book().fingerprint());
                assertThat(new String(send(server, at(server, "/pilots")).body(), StandardCharsets.UTF_8)).doesNotContain("id=\"old-rules\"");
                // nothing left to re-check
                assertThat(JSON.readTree(send(server, at(server, "/api/v1/recheck").POST(HttpRequest.BodyPublishers.noBody()))
                        .body()).get("rechecked").asInt()).isZero();
            } finally {
                server.close();
            }
        }
    }

    private static String submit(CheckServer server, String name, String yaml) throws Exception {
        HttpResponse<byte[]> r = send(server, at(server, "/api/v1/submissions?name=" + name)
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(yaml)));
        assertThat(r.statusCode()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asText();
    }
}
