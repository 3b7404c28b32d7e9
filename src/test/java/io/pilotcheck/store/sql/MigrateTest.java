package io.pilotcheck.store.sql;

import io.pilotcheck.cli.CliTest;
import io.pilotcheck.store.SchemaTooOld;
import io.pilotcheck.store.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A shared database's schema changes when an operator says so: {@code serve --db} and the other
 * commands on PostgreSQL refuse a schema older than theirs, naming the command to run;
 * {@code pilotcheck migrate} (or {@code serve --migrate}) applies what is missing. The embedded
 * store migrates itself, as before.
 */
class MigrateTest {

    @TempDir
    Path tmp;

    /** A PostgreSQL store at schema version 3, as an older pilotcheck left it. */
    private static StoreLocation atVersion3() {
        StoreLocation where = TestDatabases.emptyPostgres();
        Flyway.configure().dataSource(where.url(), null, null).locations("classpath:db/migration").target("3").load().migrate();
        return where;
    }

    @Test
    void anOlderSchemaOnPostgresqlIsRefusedNamingTheCommandAndMigrateBringsItUp() {
        StoreLocation where = atVersion3();
        assertThatThrownBy(() -> SqlSubmissionStore.open(where, false)).isInstanceOf(SchemaTooOld.class)
                .hasMessageContaining("version 3").hasMessageContaining("needs version " + SqlSubmissionStore.SCHEMA_VERSION)
                .hasMessageContaining("pilotcheck migrate --db");

        CliTest.Run history = CliTest.run("history", "--lang", "en", "--db", where.url(), "大连市");
        assertThat(history.code()).isEqualTo(2);
        assertThat(history.err()).contains("pilotcheck migrate --db").doesNotContain("\tat ");
        CliTest.Run serve = CliTest.run("serve", "--lang", "en", "--port", "0", "--db", where.url());
        assertThat(serve.code()).isEqualTo(2);
        assertThat(serve.err()).contains("version 3", "pilotcheck migrate");

        CliTest.Run migrate = CliTest.run("migrate", "--lang", "en", "--db", where.url());
        assertThat(migrate.code()).as(migrate.err()).isZero();
        assertThat(migrate.err()).contains("schema version 3 → " + SqlSubmissionStore.SCHEMA_VERSION);
        CliTest.Run again = CliTest.run("migrate", "--lang", "en", "--db", where.url());
        assertThat(again.err()).contains("at version " + SqlSubmissionStore.SCHEMA_VERSION + " already");

        CliTest.Run after = CliTest.run("history", "--lang", "en", "--db", where.url(), "大连市");
        assertThat(after.code()).as(after.err()).isZero();
    }

    @Test
    void anEmptyDatabaseIsNoStoreUntilMigrated() {
        StoreLocation where = TestDatabases.emptyPostgres();
        CliTest.Run history = CliTest.run("history", "--lang", "en", "--db", where.url(), "大连市");
        assertThat(history.code()).isEqualTo(2);
        assertThat(history.err()).contains("holds no store yet", "pilotcheck migrate --db");
        CliTest.Run migrate = CliTest.run("migrate", "--lang", "en", "--db", where.url());
        assertThat(migrate.err()).contains("schema version 0 → " + SqlSubmissionStore.SCHEMA_VERSION);
    }

    @Test
    void theEmbeddedStoreMigratesItself() {
        Path data = tmp.resolve("data");
        CliTest.Run history = CliTest.run("history", "--lang", "en", "--data", data.toString(), "大连市");
        assertThat(history.code()).as(history.err()).isZero();
        CliTest.Run migrate = CliTest.run("migrate", "--lang", "en", "--data", data.toString());
        assertThat(migrate.err()).contains("already");
    }

    @Test
    void theMessageHidesThePassword() {
        StoreLocation where = StoreLocation.of("jdbc:postgresql://db.example/p?user=u&password=secret");
        assertThat(new SchemaTooOld("3", "5", where.option()).getMessage()).doesNotContain("secret").contains("password=***");
    }
}
