package io.pilotcheck.hostile;

import io.pilotcheck.TestRules;
import io.pilotcheck.cli.CliTest;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL once drifted apart: a rule edit seen by one only gave 大连市 two
 * violations from one and one from the other, and re-checks on each flip-flopped, adding 45
 * evaluations each time. Now a rule set published into the store is what both check with,
 * within seconds; their dashboards and reports agree, and re-checks on each add evaluations once.
 */
class TwoInstancesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aPublishedRuleSetIsUsedByBothInstancesAndTheyAgree() throws Exception {
        StoreLocation where = TestDatabases.freshPostgres();
        List<Process> servers = new ArrayList<>();
        try {
            Process a = serve(where, "a");
            servers.add(a);
            Process b = serve(where, "b");
            servers.add(b);
            int portA = Jvm.port(a);
            int portB = Jvm.port(b);
            String folderRules = get(portA, "/readyz").path("fingerprint").asText();

            // the first quarter, checked under the rules folder both instances were started with
            try (Stream<Path> files = Files.list(Path.of("fixtures"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portA
                                    + "/api/v1/submissions?name=" + f.getFileName())).header("Content-Type", "application/yaml")
                            .POST(HttpRequest.BodyPublishers.ofFile(f)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                }
            }

            // a deadline moved, published through the command line into the store both serve
            Path edited = TestRules.copyRules(tmp.resolve("edited"));
            TestRules.edit(edited.resolve("params.yaml"), "plan_due: 2017-12-31", "plan_due: 2018-03-31");
            CliTest.Run publish = CliTest.run("rules", "publish", edited.toString(), "--lang", "en", "--db", where.url(),
                    "--by", "王五", "--note", "推迟方案期限");
            assertThat(publish.code()).as(publish.err()).isZero();
            assertThat(publish.err()).contains("published rule set 1");
            CliTest.Run again = CliTest.run("rules", "publish", edited.toString(), "--lang", "en", "--db", where.url());
            assertThat(again.err()).contains("rule set 1", "active one", "already");

            // both switch within 10 s (they ask every 2 s)
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            JsonNode readyA;
            JsonNode readyB;
            do {
                Thread.sleep(200);
                readyA = get(portA, "/readyz");
                readyB = get(portB, "/readyz");
            } while ((readyA.path("rule_set").asInt() != 1 || readyB.path("rule_set").asInt() != 1) && System.nanoTime() < deadline);
            assertThat(readyA.path("rule_set").asInt()).isEqualTo(1);
            assertThat(readyB.path("rule_set").asInt()).isEqualTo(1);
            assertThat(readyA.path("fingerprint").asText()).isEqualTo(readyB.path("fingerprint").asText()).isNotEqualTo(folderRules);

            // the dashboards agree: every pilot checked under older rules, on both
            assertThat(text(portA, "/api/v1/pilots")).isEqualTo(text(portB, "/api/v1/pilots"));

            // a re-check on each: the first adds an evaluation a pilot, the second none
            JsonNode first = post(portA, "/api/v1/recheck");
            assertThat(first.path("rechecked").asInt()).isEqualTo(45);
            assertThat(first.path("rule_set").asInt()).isEqualTo(1);
            assertThat(first.path("changed").toString()).contains("Yinchuan");
            JsonNode second = post(portB, "/api/v1/recheck");
            assertThat(second.path("rechecked").asInt()).isZero();
            assertThat(post(portA, "/api/v1/recheck").path("rechecked").asInt()).isZero();
            try (SubmissionStore store = SqlSubmissionStore.open(where, false)) {
                for (String id : store.ids(Scope.all())) {
                    assertThat(store.submission(Scope.all(), id).orElseThrow().evaluations()).as(id).hasSize(2);
                }
            }

            // and after it, the dashboards and a pilot's report are the same from either instance
            assertThat(text(portA, "/api/v1/pilots")).isEqualTo(text(portB, "/api/v1/pilots"));
            String yinchuan = get(portA, "/api/v1/pilots/Yinchuan/history").path("submissions").get(0).path("id").asText();
            assertThat(text(portA, "/api/v1/submissions/" + yinchuan + "?format=json"))
                    .isEqualTo(text(portB, "/api/v1/submissions/" + yinchuan + "?format=json"));

            // the rule sets' history names who, why, and what changed between them
            CliTest.Run back = CliTest.run("rules", "publish", "--lang", "en", "--db", where.url(), "--by", "李四", "--note", "恢复");
            assertThat(back.err()).contains("published rule set 2");
            CliTest.Run history = CliTest.run("rules", "history", "--lang", "en", "--db", where.url());
            assertThat(history.code()).as(history.err()).isZero();
            assertThat(history.out()).contains("#2", "李四", "(active)", "恢复", "#1", "王五", "推迟方案期限")
                    .contains("parameter plan_due: 2018-03-31 → 2017-12-31");
        } finally {
            for (Process p : servers) {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process serve(StoreLocation where, String name) throws IOException {
        return Jvm.start(tmp.resolve(name), List.of(), "serve", "--port", "0", "--db", where.url(),
                "--cache-dir", tmp.resolve(name).resolve("cache").toString());
    }

    private static JsonNode get(int port, String path) throws Exception {
        return JSON.readTree(text(port, path));
    }

    private static String text(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static JsonNode post(int port, String path) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
