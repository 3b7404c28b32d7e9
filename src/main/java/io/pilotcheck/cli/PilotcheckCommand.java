package io.pilotcheck.cli;

import picocli.CommandLine.Command;

/** The top command: {@code pilotcheck}. Its help ends with the exit codes, from {@link ExitCode}. */
@Command(name = "pilotcheck", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Check low-carbon pilot city dossiers against NDRC notice 发改气候〔2017〕66号.",
        footerHeading = "%nExit codes:%n")
public final class PilotcheckCommand implements Runnable {

    /**
     * The subcommands, by name, in help order. Main registers only the one a run names: picocli
     * reads every option of every command it is given, which costs a tenth of a second at start.
     */
    static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS = new java.util.LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("check", CheckCommand::new);
        SUBCOMMANDS.put("rules", RulesCommand::new);
        SUBCOMMANDS.put("explain", ExplainCommand::new);
        SUBCOMMANDS.put("registry", RegistryCommand::new);
        SUBCOMMANDS.put("init", InitCommand::new);
        SUBCOMMANDS.put("diff", DiffCommand::new);
        SUBCOMMANDS.put("generate", GenerateCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
        SUBCOMMANDS.put("history", HistoryCommand::new);
        SUBCOMMANDS.put("export", ExportCommand::new);
        SUBCOMMANDS.put("backup", BackupCommand::new);
        SUBCOMMANDS.put("migrate", MigrateCommand::new);
        SUBCOMMANDS.put("users", UsersCommand::new);
        SUBCOMMANDS.put("tokens", TokensCommand::new);
        SUBCOMMANDS.put("audit", AuditCommand::new);
        SUBCOMMANDS.put("periods", PeriodsCommand::new);
        SUBCOMMANDS.put("convert", ConvertCommand::new);
        SUBCOMMANDS.put("import", ImportCommand::new);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Read before parsing, by {@link HelpLanguage}; declared so that {@code pilotcheck --lang en --help} parses. */
    @picocli.CommandLine.Option(names = "--lang", paramLabel = "zh|en",
            description = "language of the help: zh (default; en under an English locale) or en")
    String lang;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
