package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.TestRules;
import io.pilotcheck.rules.CompiledRulesCache;
import io.pilotcheck.rules.RuleBookLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's rules follow the rules folder: an edit that builds is swapped in, a broken one
 * keeps the previous rules in use and is reported by /readyz and the page, not as a 503.
 */
class RuleReloadTest {

    private static final long BOUND_MILLIS = 60_000;

    @TempDir
    Path tmp;

    private static JsonNode get(HttpClient http, int port, String path) throws Exception {
        return new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonNode awaitReady(HttpClient http, int port, java.util.function.Predicate<JsonNode> until) throws Exception {
        long end = System.currentTimeMillis() + BOUND_MILLIS;
        JsonNode ready = get(http, port, "/readyz");
        while (!until.test(ready) && System.currentTimeMillis() < end) {
            Thread.sleep(200);
            ready = get(http, port, "/readyz");
        }
        return ready;
    }

    @Test
    void anEditThatBuildsIsSwappedInAndABrokenOneKeepsThePreviousRules() throws Exception {
        Path rules = TestRules.copyRules(tmp);
        CompiledRulesCache cache = CompiledRulesCache.in(tmp.resolve("cache"));
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        CheckServer[] server = new CheckServer[1];
        List<String> changes = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ServedRules served = new ServedRules(RuleBookLoader.load(rules, cache), rules, cache, log::add,
                () -> server[0].countReload()).onChange((before, after) -> changes.add(before + " > " + after)).watch()) {
            server[0] = new CheckServer(served::state, UploadLimits.of(1 << 20, 1 << 20), log::add).start("127.0.0.1", 0);
            int port = server[0].port();
            HttpClient http = HttpClient.newHttpClient();
            String first = get(http, port, "/readyz").get("fingerprint").asText();

            Files.writeString(rules.resolve("timeline.drl"), "rule \"broken\nwhen\n", java.nio.file.StandardOpenOption.APPEND);
            JsonNode broken = awaitReady(http, port, r -> r.has("rules_problems"));
            assertThat(broken.get("status").asText()).isEqualTo("ready");
            assertThat(broken.get("fingerprint").asText()).isEqualTo(first);
            assertThat(broken.get("rules_problems").get(0).asText()).contains("timeline.drl:");
            String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("id=\"rules-broken\"").contains("规则文件已修改但无法构建");

            Files.copy(Path.of("rules/timeline.drl"), rules.resolve("timeline.drl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            TestRules.edit(rules.resolve("params.yaml"), "2017-02-28", "2017-03-31");
            JsonNode fixed = awaitReady(http, port, r -> !r.has("rules_problems") && !r.get("fingerprint").asText().equals(first));
            assertThat(fixed.has("rules_problems")).isFalse();
            assertThat(fixed.get("fingerprint").asText()).isNotEqualTo(first);
            // what the audit log is told (CheckServer.rulesChanged): the change that built, not the broken edit
            assertThat(changes).last().isEqualTo(first + " > " + fixed.get("fingerprint").asText());
            assertThat(changes).noneMatch(c -> c.startsWith(first + " > " + first));
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("pilotcheck_rule_reloads_total{built=\"false\"}")
                    .contains("pilotcheck_rule_reloads_total{built=\"true\"}");
        } finally {
            if (server[0] != null) {
                server[0].close();
            }
        }
    }
}
