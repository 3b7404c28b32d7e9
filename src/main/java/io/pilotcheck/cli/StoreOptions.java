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

    /** The store these options name. */
    StoreLocation location() {
        return db != null ? StoreLocation.of(db) : StoreLocation.embedded(data != null ? data : StoreLocation.defaultDataDir());
    }
}
