package io.pilotcheck.store;

import io.pilotcheck.store.sql.StoreLocation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The two databases every store test runs against: SQLite in a folder of the test's, and a real
 * PostgreSQL server, a fresh database on it for each use. The server is named by
 * {@code PILOTCHECK_TEST_POSTGRES} (a JDBC URL of a database the user may create databases from;
 * {@code .ci/run} starts Debian's PostgreSQL and sets it). On CI a missing server fails the test;
 * elsewhere it is skipped.
 */
public final class TestDatabases {

    /** The environment variable naming the PostgreSQL server for tests. */
    public static final String POSTGRES = "PILOTCHECK_TEST_POSTGRES";

    private TestDatabases() {
    }

    /** The kinds a parameterized store test runs for. */
    public static StoreLocation.Kind[] kinds() {
        return StoreLocation.Kind.values();
    }

    /** A new, empty store location of that kind; SQLite's under {@code dir}. */
    public static StoreLocation fresh(StoreLocation.Kind kind, Path dir) {
        return kind == StoreLocation.Kind.SQLITE ? StoreLocation.embedded(dir.resolve("sqlite-" + UUID.randomUUID()))
                : freshPostgres();
    }

    /**
     * A new store on the test PostgreSQL server: a new database, migrated as an operator would
     * before serving it ({@code pilotcheck migrate}).
     */
    public static StoreLocation freshPostgres() {
        StoreLocation where = emptyPostgres();
        io.pilotcheck.store.sql.SqlSubmissionStore.migrate(where);
        return where;
    }

    /** A new, empty database on the test PostgreSQL server, with no schema in it. */
    public static StoreLocation emptyPostgres() {
        String url = System.getenv(POSTGRES);
        if ((url == null || url.isBlank()) && System.getenv("CI") != null) {
            fail("CI needs a PostgreSQL server for the store tests: set " + POSTGRES + " (.ci/run does)");
        }
        assumeTrue(url != null && !url.isBlank(), "no PostgreSQL named by " + POSTGRES + "; .ci/run starts one");
        String name = "pilotcheck_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + url + ": " + e.getMessage(), e);
        }
        return StoreLocation.of(url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name));
    }
}
