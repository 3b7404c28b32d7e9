package io.pilotcheck.store.sql;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the submissions are kept: a SQLite file under a data folder (the default, needing nothing
 * installed), or a PostgreSQL server named by its JDBC URL.
 *
 * @param url      the JDBC URL
 * @param user     the user, or null when the URL names it
 * @param password the password, or null
 */
public record StoreLocation(String url, String user, String password) {

    /** The database kinds the store speaks; the schema and statements are the same for both. */
    public enum Kind {
        SQLITE, POSTGRESQL
    }

    /**
     * The embedded store in {@code dataDir}: {@code pilotcheck.db}, a SQLite file. Its settings
     * (write-ahead log, full sync, waiting for a lock) are the store's, made where it is opened.
     */
    public static StoreLocation embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve(FILE_NAME).toString().replace('\\', '/');
        return new StoreLocation("jdbc:sqlite:" + file, null, null);
    }

    /** The embedded store's file name in its data folder. */
    public static final String FILE_NAME = "pilotcheck.db";

    /** The embedded store's file, or empty when this names a server. */
    public java.util.Optional<Path> file() {
        String prefix = "jdbc:sqlite:";
        if (kind() != Kind.SQLITE || !url.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        String rest = url.substring(prefix.length());
        int options = rest.indexOf('?');
        String path = options < 0 ? rest : rest.substring(0, options);
        return path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:") ? java.util.Optional.empty()
                : java.util.Optional.of(Path.of(path));
    }

    /** A database named by a JDBC URL, as {@code --db} gives it. */
    public static StoreLocation of(String jdbcUrl) {
        return new StoreLocation(jdbcUrl, null, null);
    }

    /** The default data folder: {@code $XDG_DATA_HOME/pilotcheck}, else {@code $HOME/.local/share/pilotcheck}. */
    public static Path defaultDataDir() {
        return io.pilotcheck.files.UserFolders.data();
    }

    /**
     * Whether this store's own commands migrate its schema: the embedded file's, which only this
     * pilotcheck uses; a server's schema changes only by {@code pilotcheck migrate} or {@code serve --migrate}.
     */
    public boolean migratesItself() {
        return kind() == Kind.SQLITE;
    }

    /** Which database the URL names. */
    public Kind kind() {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:sqlite:")) {
            return Kind.SQLITE;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return Kind.POSTGRESQL;
        }
        throw new IllegalArgumentException("not a SQLite or PostgreSQL JDBC URL: " + url);
    }

    /**
     * The command-line option that names this store, as a message tells it to an operator:
     * {@code --data DIR} or {@code --db URL} (with any password hidden).
     */
    public String option() {
        return file().map(f -> "--data " + f.toAbsolutePath().getParent()).orElseGet(() -> "--db '" + shown() + "'");
    }

    /** The URL with any password in it hidden, for logs and {@code /readyz}. */
    public String shown() {
        String shown = url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:") ? url.replaceFirst("\\?.*$", "") : url;
        return shown.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
