package io.pilotcheck.hostile;

import io.pilotcheck.cli.CliTest;
import io.pilotcheck.store.TestDatabases;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The application's database user once had to be allowed to change tables, since every start
 * migrated. Now the service logs in as a role with only docs/operations.md's grants: it serves,
 * keeps submissions and re-checks them, and cannot migrate (that is the schema owner's step).
 * The role is {@code pilotcheck_app}, made by {@code .ci/run} beside the tests' own.
 */
class LeastPrivilegeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void theServiceRunsWithTheDocumentedGrantsAndCannotMigrate() throws Exception {
        StoreLocation owner = TestDatabases.freshPostgres(); // migrated by its owner, as the operator does
        String app = owner.url().replaceFirst("user=[^&]*", "user=pilotcheck_app").replaceFirst("password=[^&]*", "password=pilotcheck_app");
        try (Connection c = DriverManager.getConnection(app)) {
            assertThat(c.isValid(5)).isTrue();
        } catch (SQLException e) {
            assumeTrue(false, "no role pilotcheck_app on the test server (.ci/run makes it): " + e.getMessage());
        }
        try (Connection c = DriverManager.getConnection(owner.url()); Statement st = c.createStatement()) {
            for (String statement : OperationsDoc.block("grants", "sql").split(";")) {
                String sql = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!sql.isEmpty()) {
                    st.execute(sql);
                }
            }
        }

        Process server = Jvm.start(tmp, List.of(), "serve", "--port", "0", "--db", app, "--cache-dir", tmp.resolve("cache").toString());
        try {
            int port = Jvm.port(server);
            HttpResponse<String> kept = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/submissions?name=dalian.yaml")).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("fixtures/03-dalian.yaml"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
            HttpResponse<String> pilots = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pilots")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(pilots.statusCode()).isEqualTo(200);
            HttpResponse<String> recheck = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/recheck"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(recheck.statusCode()).as(recheck.body()).isEqualTo(200);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }

        // the role cannot change tables: a migration through it fails, and says so
        try (Connection c = DriverManager.getConnection(app); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE not_allowed (x INTEGER)");
            throw new AssertionError("the service's role could create a table");
        } catch (SQLException expected) {
            assertThat(expected.getSQLState()).isEqualTo("42501"); // insufficient privilege
        }
        CliTest.Run publish = CliTest.run("rules", "publish", "--lang", "en", "--db", app);
        assertThat(publish.code()).as(publish.err()).isZero(); // publishing is rows, not schema
    }
}
