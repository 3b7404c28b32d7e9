package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.TestRules;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/openapi.json}, kept by hand, names every {@code /api/v1} route of the service's
 * table with its method, and no route that is not there; each operation answers the contract's error.
 */
class OpenApiTest {

    @Test
    void theDocumentDescribesExactlyTheApisRoutes() throws Exception {
        try (CheckServer server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), UploadLimits.DEFAULTS,
                line -> { }).start("127.0.0.1", 0)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/v1/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode doc = new ObjectMapper().readTree(r.body());
            assertThat(doc.path("openapi").asText()).startsWith("3.");
            Set<String> described = new TreeSet<>();
            doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
                described.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
                assertThat(p.getValue().path(m).path("responses").has("404")).as(p.getKey()).isTrue();
            }));
            Set<String> routes = new TreeSet<>();
            server.routes().stream().filter(x -> x.path().startsWith("/api/v1/"))
                    .forEach(x -> routes.add(x.method().name() + " " + x.path().replace("<path>", "{path}")));
            assertThat(described).isEqualTo(routes);
        }
    }
}
