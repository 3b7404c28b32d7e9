package io.pilotcheck.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Entry point. Thin on purpose: {@link #run} does everything and returns the exit code, so tests
 * run the whole CLI in-process and assert its code and output.
 */
public final class Main {

    private Main() {
    }

    /** Runs pilotcheck and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Runs pilotcheck with the given streams; returns the exit code ({@link ExitCode}). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        // set up on this thread, before any other logs: loggers first used from several threads
        // at once (the rules' preload, the store's opening) had their calls replayed with a warning
        org.slf4j.LoggerFactory.getILoggerFactory();
        if (verbose) {
            ServiceLogging.verbose();
        }
        RulesPreload preload = RulesPreload.start(args);
        CommandLine cli = new CommandLine(new PilotcheckCommand());
        String named = args.length > 0 ? args[0] : "";
        PilotcheckCommand.SUBCOMMANDS.forEach((name, supplier) -> {
            if (!PilotcheckCommand.SUBCOMMANDS.containsKey(named) || name.equals(named)) {
                Object command = supplier.get();
                if (command instanceof CheckCommand check) {
                    check.preload = preload;
                }
                cli.addSubcommand(name, command);
            }
        });
        io.pilotcheck.words.Language lang = HelpLanguage.of(args, System.getenv());
        Settings settings;
        try {
            settings = Settings.of(args, System.getenv());
        } catch (Settings.Unusable e) {
            err.println(Say.say(lang, "settingsUnusable", "reason", e.getMessage()));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        cli.setDefaultValueProvider(settings);
        cli.setCaseInsensitiveEnumValuesAllowed(true)
                .setResourceBundle(HelpLanguage.bundle(lang))
                .setParameterExceptionHandler(new UsageErrors(lang))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // No stack traces for users: one line, and the "could not check" code; with
                    // --verbose, where it happened, for whoever mends it
                    cmd.getErr().println(Say.say(lang, "failed", "error", e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())));
                    if (verbose) {
                        e.printStackTrace(cmd.getErr());
                    } else {
                        cmd.getErr().println(Say.say(lang, "failedVerbose"));
                    }
                    cmd.getErr().flush();
                    return ExitCode.CANNOT_CHECK.code();
                });
        // the one list of exit codes is the enum; the help shows it
        cli.getCommandSpec().usageMessage().footer(java.util.Arrays.stream(ExitCode.values())
                .map(c -> "  " + c.code() + "  " + c.meaning(lang)).toArray(String[]::new));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
