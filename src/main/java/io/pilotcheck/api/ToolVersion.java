package io.pilotcheck.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** pilotcheck's version, from the build (Maven filters it into a resource), for every front end. */
public final class ToolVersion {

    /** Read once: every check's report names it, and reading the jar's resource cost a share of each request. */
    private static final String VERSION = read();

    private ToolVersion() {
    }

    /** The version string, or {@code dev} when run from unfiltered classes. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/io/pilotcheck/pilotcheck.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "dev");
                return v.startsWith("${") ? "dev" : v;
            }
        } catch (IOException e) {
            // fall through: a version is nice to have, never a reason to fail
        }
        return "dev";
    }
}
