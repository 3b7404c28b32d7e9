package io.pilotcheck.cli;

import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Optional;

/** {@code pilotcheck rules ...}: the rule catalogue. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with the rules.",
        subcommands = RulesCommand.ListCommand.class)
public final class RulesCommand {

    /** {@code pilotcheck rules list}: the catalogue from the rules' own metadata. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the rules: id, severity, clause, title (from each rule's metadata).")
    public static final class ListCommand implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<RuleBook> book = RulesLoading.load(common.rulesDir(), spec.commandLine().getErr());
            if (book.isEmpty()) {
                return ExitCode.CANNOT_CHECK.code();
            }
            for (RuleInfo r : book.get().rules()) {
                out.println(r.id() + "\t" + r.severity().id() + "\t" + r.clause() + "\t" + r.title(common.lang));
            }
            out.flush();
            return ExitCode.OK.code();
        }
    }
}
