package io.pilotcheck.cli;

import io.pilotcheck.store.sql.StoreLocation;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the submissions are kept, for every command that reads or writes them. */
final class StoreOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "the folder of the embedded store of submissions (default: $XDG_DATA_HOME/pilotcheck, "
                    + "else ~/.local/share/pilotcheck)")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "keep submissions in PostgreSQL instead: jdbc:postgresql://HOST:PORT/DB?user=U&password=P")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE", converter = PasswordFile.class,
            description = "read the database password from FILE (its first line), so it is never on the command line; "
                    + "else $PILOTCHECK_DB_PASSWORD, else the URL's or PGPASSFILE's")
    PasswordFile.Password password;

    /** The store these options name. */
    StoreLocation location() {
        if (db == null) {
            return StoreLocation.embedded(data != null ? data : StoreLocation.defaultDataDir());
        }
        String given = password != null ? password.value() : System.getenv("PILOTCHECK_DB_PASSWORD");
        return new StoreLocation(db, null, given == null || given.isEmpty() ? null : given);
    }
}
