package io.pilotcheck.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** pilotcheck's version, from the build (Maven filters it into a resource), for every front end. */
public final class ToolVersion {

    /** Read once: every check's report names it, and reading the jar's resource cost a share of each request. */
    private static final Properties BUILD = read();
    private static final String VERSION = value("version", "dev");
    private static final String COMMIT = value("commit", "unknown") + ("true".equals(value("dirty", "false")) ? "-dirty" : "");

    private ToolVersion() {
    }

    /** The version string, or {@code dev} when run from unfiltered classes. */
    public static String get() {
        return VERSION;
    }

    /**
     * The commit the jar was built from (12 hexadecimal digits, {@code -dirty} when the tree had
     * changes), or {@code unknown} when built without Git. For operators (the build metric,
     * {@code /healthz}, {@code --version}), never in a report.
     */
    public static String commit() {
        return COMMIT;
    }

    private static String value(String key, String otherwise) {
        String v = BUILD.getProperty(key, otherwise);
        return v.startsWith("${") ? otherwise : v;
    }

    private static Properties read() {
        Properties p = new Properties();
        try (InputStream in = ToolVersion.class.getResourceAsStream("/io/pilotcheck/pilotcheck.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through: a version is nice to have, never a reason to fail
        }
        return p;
    }
}
