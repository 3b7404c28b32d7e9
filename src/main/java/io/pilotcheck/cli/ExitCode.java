package io.pilotcheck.cli;

/**
 * The one set of exit codes ({@code cli-and-report.md}), shown in {@code --help}.
 */
public enum ExitCode {
    /** Checked; nothing at or above {@code --fail-on}. */
    OK(0, "checked; nothing at or above --fail-on"),
    /** Checked; a finding at or above {@code --fail-on}, or a dossier that could not be checked. */
    FINDINGS(1, "checked; a finding at or above --fail-on, an error, or an expired waiver"),
    /** Could not check: bad usage, rules that do not compile, a path that does not exist. */
    CANNOT_CHECK(2, "could not check: bad usage, rules that do not compile, unreadable path"),
    /** Stopped by Ctrl-C (SIGINT) before the reports were written; 128 + 2, as shells report it. */
    INTERRUPTED(130, "interrupted by Ctrl-C: the batch stopped, no report was written");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** One line for {@code --help}. */
    public String meaning() {
        return meaning;
    }
}
