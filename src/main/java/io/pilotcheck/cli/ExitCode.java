package io.pilotcheck.cli;

/**
 * The one set of exit codes ({@code cli-and-report.md}), shown in {@code --help}.
 */
public enum ExitCode {
    /** Checked; nothing at or above {@code --fail-on}. */
    OK(0),
    /** Checked; a finding at or above {@code --fail-on}, or a dossier that could not be checked. */
    FINDINGS(1),
    /** Could not check: bad usage, rules that do not compile, a path that does not exist. */
    CANNOT_CHECK(2),
    /** Stopped by Ctrl-C (SIGINT) before the reports were written; 128 + 2, as shells report it. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** One line for {@code --help} in {@code lang} ({@code exit.NAME} in the command line's messages). */
    public String meaning(io.pilotcheck.words.Language lang) {
        return Say.say(lang, "exit." + name());
    }
}
