package io.pilotcheck.cli;

import io.pilotcheck.api.ToolVersion;
import picocli.CommandLine;

/** {@code --version}: pilotcheck's version, as every front end gives it. */
public final class Version implements CommandLine.IVersionProvider {

    /** The version string, or {@code dev} when run from unfiltered classes. */
    public static String get() {
        return ToolVersion.get();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"pilotcheck " + get() + " (commit " + ToolVersion.commit() + ")"};
    }
}
