package io.pilotcheck.cli;

import picocli.CommandLine.Command;

/** The top command: {@code pilotcheck}. Its help ends with the exit codes, from {@link ExitCode}. */
@Command(name = "pilotcheck", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Check low-carbon pilot city dossiers against NDRC notice 发改气候〔2017〕66号.",
        subcommands = {CheckCommand.class, RulesCommand.class, ExplainCommand.class, RegistryCommand.class,
            InitCommand.class, DiffCommand.class, GenerateCommand.class},
        footerHeading = "%nExit codes:%n")
public final class PilotcheckCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
