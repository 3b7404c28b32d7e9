package io.pilotcheck.cli;

import picocli.CommandLine.Command;

/** The top command: {@code pilotcheck}. */
@Command(name = "pilotcheck", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Check low-carbon pilot city dossiers against NDRC notice 发改气候〔2017〕66号.",
        subcommands = {CheckCommand.class, RulesCommand.class, ExplainCommand.class, RegistryCommand.class,
            InitCommand.class, DiffCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  checked; nothing at or above --fail-on",
                  "  1  checked; a finding at or above --fail-on, or a dossier with an error",
                  "  2  could not check: bad usage, rules that do not compile, unreadable path"})
public final class PilotcheckCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
