package io.pilotcheck.hostile;

import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.sql.SqlSubmissionStore;

import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.StoredSubmission;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's promise under the worst stop: {@code pilotcheck serve} as its own process takes a
 * stream of submissions from four clients at once and is killed with SIGKILL in the middle of
 * it. Restarted on the same store, it has every submission it answered 201 to, complete, and the
 * store holds no half-written one — on H2 and on a real PostgreSQL.
 */
class StoreKillTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void everyAcknowledgedSubmissionSurvivesAKillAndNoneIsHalfWritten(StoreLocation.Kind kind) throws Exception {
        StoreLocation where = TestDatabases.fresh(kind, tmp);
        List<String> store = kind == StoreLocation.Kind.SQLITE ? List.of("--data", tmp.resolve("data").toString())
                : List.of("--db", where.url());
        byte[] dalian = Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
        byte[] wuhai = Files.readAllBytes(Path.of("fixtures/01-wuhai.yaml"));

        Process server = start(store);
        int port = Jvm.port(server);
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id → the submitter it was sent with
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String submitter = "client-" + client + "-" + n;
                    try {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                        + "/api/v1/submissions?name=dalian.yaml&submitter=" + URLEncoder.encode(submitter, StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/yaml").timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(n % 2 == 0 ? dalian : wuhai)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            Matcher id = Pattern.compile("\"id\" : \"([0-9a-f]+)\"").matcher(r.body());
                            assertThat(id.find()).isTrue();
                            acknowledged.put(id.group(1), submitter);
                        }
                    } catch (IOException e) {
                        return; // the server is gone
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (acknowledged.size() < 40 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        server.destroyForcibly(); // SIGKILL, mid-stream: the clients are still sending
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        stop.set(true);
        for (Thread t : clients) {
            t.join(30_000);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

        // restarted on the same store: every acknowledged submission is there, whole
        Process again = start(store);
        try {
            int port2 = Jvm.port(again);
            for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port2
                        + "/api/v1/submissions/" + e.getKey())).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
                assertThat(r.body()).contains("\"submitter\" : \"" + e.getValue() + "\"").contains("\"dossiers\" : 1");
            }
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
        }

        // and nothing half-written: every submission the store holds is complete
        try (SubmissionStore opened = SqlSubmissionStore.open(kind == StoreLocation.Kind.SQLITE
                ? StoreLocation.embedded(tmp.resolve("data")) : where)) {
            List<String> ids = opened.ids(Scope.all());
            assertThat(ids).containsAll(acknowledged.keySet());
            for (String id : ids) {
                StoredSubmission s = opened.submission(Scope.all(), id).orElseThrow();
                assertThat(s.files()).as(id).hasSize(1);
                assertThat(opened.file(Scope.all(), id, "dalian.yaml")).as(id).isPresent();
                assertThat(s.evaluations()).as(id).hasSize(1);
                EvaluationRecord e = opened.evaluation(Scope.all(), s.latest().id()).orElseThrow();
                assertThat(e.batch().dossiers()).as(id).hasSize(1);
                assertThat(e.batch().dossiers().get(0).findings()).as(id).isNotEmpty();
            }
        }
    }

    private Process start(List<String> store) throws IOException {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--cache-dir", tmp.resolve("cache").toString()));
        args.addAll(store);
        return Jvm.start(tmp, List.of(), args.toArray(String[]::new));
    }
}
