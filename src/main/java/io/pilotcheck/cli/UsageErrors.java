package io.pilotcheck.cli;

import io.pilotcheck.finding.Language;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * A command line that cannot be parsed: one line saying what is wrong, in the reader's
 * language, and where the help is; not the whole usage, which buries the one line that matters.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    private final Language lang;

    UsageErrors(Language lang) {
        this.lang = lang;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        boolean en = lang == Language.EN;
        err.println((en ? "pilotcheck: " : "pilotcheck：") + message(e));
        String help = cmd.getCommandSpec().qualifiedName(" ") + " --help";
        err.println(en ? "See '" + help + "' for every option." : "全部选项见 “" + help + "”。");
        err.flush();
        return ExitCode.CANNOT_CHECK.code();
    }

    private String message(CommandLine.ParameterException e) {
        boolean en = lang == Language.EN;
        String what = e.getArgSpec() == null ? "" : e.getArgSpec().isOption()
                ? ((CommandLine.Model.OptionSpec) e.getArgSpec()).longestName()
                : e.getArgSpec().paramLabel();
        if (e.getCause() instanceof UsageProblem p) {
            return en ? "invalid value for " + what + ": " + p.in(lang) : what + " 的取值无效：" + p.in(lang);
        }
        if (en) {
            return e.getMessage();
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            return "缺少必需的选项或参数：" + String.join("、", m.getMissing().stream().map(a -> a.isOption()
                    ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel()).toList());
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            return "无法识别的选项或参数：" + String.join(" ", u.getUnmatched())
                    + (u.getSuggestions().isEmpty() ? "" : "；是否应为 " + String.join("、", u.getSuggestions()) + "？");
        }
        return "命令行有误：" + e.getMessage();
    }
}
