package io.pilotcheck.store.sql;

import io.pilotcheck.cli.CliTest;
import io.pilotcheck.store.SchemaTooNew;
import io.pilotcheck.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An older pilotcheck on a store a newer one migrated: refused at once, naming both versions,
 * rather than "ready" and then failing on every write (Flyway alone ignores migrations it does
 * not know).
 */
class SchemaGuardTest {

    @TempDir
    Path tmp;

    /** What a newer pilotcheck's migration leaves in Flyway's history. */
    private static void migratedByANewerVersion(StoreLocation where) throws Exception {
        Properties login = new Properties();
        if (where.user() != null) {
            login.setProperty("user", where.user());
        }
        if (where.password() != null) {
            login.setProperty("password", where.password());
        }
        try (Connection c = DriverManager.getConnection(where.url(), login); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES "
                    + "(99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 1, TRUE)");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void aStoreMigratedByANewerVersionIsRefusedNamingBothVersions(StoreLocation.Kind kind) throws Exception {
        StoreLocation where = TestDatabases.fresh(kind, tmp);
        SqlSubmissionStore.open(where).close();
        migratedByANewerVersion(where);
        assertThatThrownBy(() -> SqlSubmissionStore.open(where)).isInstanceOf(SchemaTooNew.class)
                .hasMessageContaining("version 99").hasMessageContaining("up to version " + SqlSubmissionStore.SCHEMA_VERSION);
        // and the store is still as the newer version left it: nothing was migrated back or over
        assertThatThrownBy(() -> SqlSubmissionStore.open(where)).isInstanceOf(SchemaTooNew.class);
    }

    @Test
    void theCommandLineExitsTwoWithTheMessage() throws Exception {
        Path data = tmp.resolve("data");
        SqlSubmissionStore.open(StoreLocation.embedded(data)).close();
        migratedByANewerVersion(StoreLocation.embedded(data));
        CliTest.Run history = CliTest.run("history", "--lang", "en", "--data", data.toString(), "大连市");
        assertThat(history.code()).isEqualTo(2);
        assertThat(history.err()).contains("version 99", "up to version " + SqlSubmissionStore.SCHEMA_VERSION);
        CliTest.Run serve = CliTest.run("serve", "--lang", "en", "--data", data.toString(), "--port", "0");
        assertThat(serve.code()).isEqualTo(2);
        assertThat(serve.err()).contains("version 99", "up to version " + SqlSubmissionStore.SCHEMA_VERSION);
    }

    @Test
    void versionsCompareAsNumbers() {
        assertThat(SqlSubmissionStore.newer("10", "9")).isTrue();
        assertThat(SqlSubmissionStore.newer("5.1", "5")).isTrue();
        assertThat(SqlSubmissionStore.newer("5", "5")).isFalse();
        assertThat(SqlSubmissionStore.newer("4", "5")).isFalse();
    }
}
