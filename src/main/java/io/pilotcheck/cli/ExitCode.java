package io.pilotcheck.cli;

/**
 * The one set of exit codes ({@code cli-and-report.md}), shown in {@code --help}.
 */
public enum ExitCode {
    /** Checked; nothing at or above {@code --fail-on}. */
    OK(0, "checked; nothing at or above --fail-on", "已检查，没有达到 --fail-on 级别的发现"),
    /** Checked; a finding at or above {@code --fail-on}, or a dossier that could not be checked. */
    FINDINGS(1, "checked; a finding at or above --fail-on, an error, or an expired waiver",
            "已检查，有达到 --fail-on 级别的发现、无法检查的档案，或过期的豁免"),
    /** Could not check: bad usage, rules that do not compile, a path that does not exist. */
    CANNOT_CHECK(2, "could not check: bad usage, rules that do not compile, unreadable path",
            "无法检查：命令写错、规则无法编译、路径无法读取"),
    /** Stopped by Ctrl-C (SIGINT) before the reports were written; 128 + 2, as shells report it. */
    INTERRUPTED(130, "interrupted by Ctrl-C: the batch stopped, no report was written",
            "按了 Ctrl-C：检查中止，没有写出报告");

    private final int code;
    private final String meaning;
    private final String meaningZh;

    ExitCode(int code, String meaning, String meaningZh) {
        this.code = code;
        this.meaning = meaning;
        this.meaningZh = meaningZh;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** One line for {@code --help}. */
    public String meaning() {
        return meaning;
    }

    /** One line for {@code --help} in {@code lang}. */
    public String meaning(io.pilotcheck.words.Language lang) {
        return lang == io.pilotcheck.words.Language.EN ? meaning : meaningZh;
    }
}
