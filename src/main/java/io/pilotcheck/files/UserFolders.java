package io.pilotcheck.files;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's own folders, as the XDG base directories name them. {@code $HOME} is read first:
 * Java's {@code user.home} comes from the password file, so a user (or a service, or a test)
 * who sets a fresh {@code HOME} would otherwise still write into the account's real home.
 */
public final class UserFolders {

    private UserFolders() {
    }

    /** {@code $XDG_CACHE_HOME/pilotcheck}, else {@code $HOME/.cache/pilotcheck}. */
    public static Path cache() {
        return under(System.getenv(), "XDG_CACHE_HOME", ".cache");
    }

    /** {@code $XDG_DATA_HOME/pilotcheck}, else {@code $HOME/.local/share/pilotcheck}. */
    public static Path data() {
        return under(System.getenv(), "XDG_DATA_HOME", ".local/share");
    }

    /** The pilotcheck folder under {@code $xdgVariable}, else under {@code inHome} of the home folder. */
    static Path under(Map<String, String> env, String xdgVariable, String inHome) {
        String xdg = env.get(xdgVariable);
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "pilotcheck");
        }
        return home(env).resolve(inHome).resolve("pilotcheck");
    }

    /** {@code $HOME}, else the password file's home ({@code user.home}). */
    static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }
}
