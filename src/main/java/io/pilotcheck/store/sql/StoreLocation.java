package io.pilotcheck.store.sql;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the submissions are kept: an H2 file database under a data folder (the default, needing
 * nothing installed), or a PostgreSQL server named by its JDBC URL.
 *
 * @param url      the JDBC URL
 * @param user     the user, or null when the URL names it
 * @param password the password, or null
 */
public record StoreLocation(String url, String user, String password) {

    /** The database kinds the store speaks; the schema and statements are the same for both. */
    public enum Kind {
        H2, POSTGRESQL
    }

    /**
     * The embedded store in {@code dataDir}. H2's own write delay is named so that a store made
     * by an earlier version (which set it to 0, a persistent setting) gets its background
     * writer back; {@link SubmissionStore} writes each of its commits to the file itself. Its
     * pages split at 4 KB rather than 16 KB: every commit writes each changed table's last page
     * anew, and smaller pages made the file grow less (figures in bench/NOTES.md).
     */
    public static StoreLocation embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve("pilotcheck").toString().replace('\\', '/');
        return new StoreLocation("jdbc:h2:file:" + file + ";WRITE_DELAY=500;PAGE_SIZE=4096", "sa", "");
    }

    /** A database named by a JDBC URL, as {@code --db} gives it. */
    public static StoreLocation of(String jdbcUrl) {
        return new StoreLocation(jdbcUrl, null, null);
    }

    /** The default data folder: {@code $XDG_DATA_HOME/pilotcheck}, else {@code $HOME/.local/share/pilotcheck}. */
    public static Path defaultDataDir() {
        return io.pilotcheck.files.UserFolders.data();
    }

    /** Which database the URL names. */
    public Kind kind() {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return Kind.H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return Kind.POSTGRESQL;
        }
        throw new IllegalArgumentException("not an H2 or PostgreSQL JDBC URL: " + url);
    }

    /** The URL with any password in it hidden, for logs and {@code /readyz}. */
    public String shown() {
        String shown = url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:") ? url.replaceFirst(";.*$", "") : url;
        return shown.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
