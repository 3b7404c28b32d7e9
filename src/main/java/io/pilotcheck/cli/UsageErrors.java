package io.pilotcheck.cli;

import io.pilotcheck.words.Language;
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
        err.println(Say.say(lang, "prefix") + message(e));
        err.println(Say.say(lang, "seeHelp", "help", cmd.getCommandSpec().qualifiedName(" ") + " --help"));
        err.flush();
        return ExitCode.CANNOT_CHECK.code();
    }

    private String message(CommandLine.ParameterException e) {
        String what = e.getArgSpec() == null ? "" : e.getArgSpec().isOption()
                ? ((CommandLine.Model.OptionSpec) e.getArgSpec()).longestName()
                : e.getArgSpec().paramLabel();
        if (e.getCause() instanceof UsageProblem p) {
            return Say.say(lang, "invalidValue", "what", what, "problem", p.in(lang));
        }
        String and = Say.say(lang, "listSeparator");
        if (e instanceof CommandLine.MissingParameterException m) {
            return Say.say(lang, "missingArgs", "what", String.join(and, m.getMissing().stream().map(a -> a.isOption()
                    ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel()).toList()));
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            return Say.say(lang, "unmatchedArgs", "what", String.join(" ", u.getUnmatched()), "near",
                    u.getSuggestions().isEmpty() ? "" : Say.say(lang, "unmatchedNear", "names", String.join(and, u.getSuggestions())));
        }
        return Say.say(lang, "badCommandLine", "problem", e.getMessage());
    }
}
