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
        subcommands = {RulesCommand.ListCommand.class, RulesCommand.ValidateCommand.class, RulesCommand.DocCommand.class})
public final class RulesCommand {

    /**
     * {@code pilotcheck rules validate}: compile the rules and report every problem located in the
     * author's files, with exit code 2 on any; {@code check} refuses such rules with the same words.
     */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Compile the rules and check their metadata and parameters; every problem as "
                    + "file:line:col: message. Exit 0 when they can be used, 2 when not.",
                    "With --catalogue, also warn of rule ids the catalogue (a Markdown table of ids) lacks."})
    public static final class ValidateCommand implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @picocli.CommandLine.Option(names = "--catalogue", paramLabel = "FILE",
                description = "a requirements catalogue (e.g. ../shared/spec/requirements.md): warn of rule ids it lacks")
        java.nio.file.Path catalogue;

        @Override
        public Integer call() throws java.io.IOException {
            PrintWriter out = spec.commandLine().getOut();
            Optional<RuleBook> book = RulesLoading.load(common.rulesDir(), spec.commandLine().getErr());
            if (book.isEmpty()) {
                return ExitCode.CANNOT_CHECK.code();
            }
            int warnings = 0;
            if (catalogue != null) {
                String text = java.nio.file.Files.readString(catalogue);
                for (RuleInfo r : book.get().rules()) {
                    if (!java.util.regex.Pattern.compile("\\|\\s*" + java.util.regex.Pattern.quote(r.id()) + "\\s*\\|")
                            .matcher(text).find()) {
                        out.println(r.file() + ":" + r.line() + ":1: warning: rule \"" + r.name() + "\": " + r.id() + " is not in " + catalogue);
                        warnings++;
                    }
                }
            }
            long files = book.get().rules().stream().map(RuleInfo::file).distinct().count();
            out.println(common.rulesDir() + ": " + book.get().rules().size() + " rules in " + files + " files, "
                    + book.get().registry().cities().size() + " pilots, " + book.get().params().values().size()
                    + " parameters: OK" + (warnings == 0 ? "" : " (" + warnings + " warning" + (warnings == 1 ? "" : "s") + ")"));
            out.flush();
            return ExitCode.OK.code();
        }
    }

    /** {@code pilotcheck rules doc}: {@code docs/rules.md} generated from the rules' metadata. */
    @Command(name = "doc", mixinStandardHelpOptions = true,
            description = "Write the rule catalogue as Markdown (docs/rules.md) from the rules' metadata, "
                    + "with an example finding of each rule from the fixtures.")
    public static final class DocCommand implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @picocli.CommandLine.Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "write here, e.g. docs/rules.md (default: stdout)")
        java.nio.file.Path output;

        @picocli.CommandLine.Option(names = "--fixtures", paramLabel = "DIR", defaultValue = "fixtures",
                description = "example dossiers for the examples (default: fixtures)")
        java.nio.file.Path fixtures;

        @Override
        public Integer call() throws java.io.IOException {
            Optional<RuleBook> book = RulesLoading.load(common.rulesDir(), spec.commandLine().getErr());
            if (book.isEmpty()) {
                return ExitCode.CANNOT_CHECK.code();
            }
            Output.write(io.pilotcheck.catalogue.RuleDoc.render(book.get(), fixtures), output, spec.commandLine().getOut());
            return ExitCode.OK.code();
        }
    }

    /** {@code pilotcheck rules list}: the catalogue from the rules' own metadata. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the rules: id, severity, clause, title (from each rule's metadata).")
    public static final class ListCommand implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @picocli.CommandLine.Option(names = {"-f", "--format"}, defaultValue = "table",
                description = "table (default, tab-separated), json or markdown")
        io.pilotcheck.catalogue.RuleList.Format format;

        @Override
        public Integer call() throws java.io.IOException {
            Optional<RuleBook> book = RulesLoading.load(common.rulesDir(), spec.commandLine().getErr());
            if (book.isEmpty()) {
                return ExitCode.CANNOT_CHECK.code();
            }
            Output.write(io.pilotcheck.catalogue.RuleList.render(book.get(), format, common.lang), null,
                    spec.commandLine().getOut());
            return ExitCode.OK.code();
        }
    }
}
