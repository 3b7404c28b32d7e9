package io.pilotcheck.cli;

import io.pilotcheck.app.Periods;
import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.store.ReviewStore.Period;
import io.pilotcheck.store.SubmissionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code pilotcheck periods add|list|close}: the reporting periods of docs/spec/review.md. */
@Command(name = "periods", mixinStandardHelpOptions = true, description = "Manage the reporting periods submissions are sent for.",
        subcommands = {PeriodsCommand.Add.class, PeriodsCommand.ListPeriods.class, PeriodsCommand.Close.class})
public final class PeriodsCommand {

    /** A {@code periods} subcommand, its pilots named from the rules folder's registry. */
    abstract static class OnPeriods extends AccountCommand {

        @Override
        final int run(SubmissionStore kept, PrintWriter out, PrintWriter err) {
            Optional<PilotRegistry> registry = RulesLoading.loadRegistry(common.rulesDir(), common.lang, err);
            return registry.isEmpty() ? ExitCode.CANNOT_CHECK.code() : run(Periods.of(kept, registry::get), out, err);
        }

        abstract int run(Periods periods, PrintWriter out, PrintWriter err);
    }

    /** {@code periods add NAME --due DAY [--as-of DAY] [--pilots A,B]}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Open a period: what is submitted from now on is sent for it.")
    public static final class Add extends OnPeriods {
        @Parameters(paramLabel = "NAME", descriptionKey = "NAME", description = "its name (2026年第三季度)")
        String name;

        @Option(names = "--due", required = true, paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
                description = "the day dossiers are due")
        LocalDate due;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
                description = "the date its dossiers are checked at (default: the due date)")
        LocalDate asOf;

        @Option(names = "--pilots", paramLabel = "CITY", split = ",",
                description = "the pilots expected to submit, by name as the annex or in English (default: all 45)")
        List<String> pilots = new ArrayList<>();

        @Override
        int run(Periods periods, PrintWriter out, PrintWriter err) {
            Period p = periods.add(name, due, asOf, pilots, "cli", null, Instant.now());
            err.println(Say.say(common.lang, "period.added", "name", p.name(), "due", p.due(), "asOf", p.asOf(),
                    "pilots", p.pilots().isEmpty() ? 45 : p.pilots().size()));
            return ExitCode.OK.code();
        }
    }

    /** {@code periods list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the periods: name, due, checked as of, pilots, open or closed.")
    public static final class ListPeriods extends OnPeriods {
        @Override
        int run(Periods periods, PrintWriter out, PrintWriter err) {
            for (Period p : periods.list()) {
                out.println(p.name() + "\t" + p.due() + "\t" + p.asOf() + "\t" + (p.pilots().isEmpty() ? "*" : String.join(",", p.pilots()))
                        + "\t" + (p.open() ? "open" : "closed " + io.pilotcheck.words.Clock.day(p.closedAt())));
            }
            return ExitCode.OK.code();
        }
    }

    /** {@code periods close NAME}. */
    @Command(name = "close", mixinStandardHelpOptions = true, description = "Close a period: nothing more is sent for it.")
    public static final class Close extends OnPeriods {
        @Parameters(paramLabel = "NAME", descriptionKey = "NAME", description = "the period's name")
        String name;

        @Override
        int run(Periods periods, PrintWriter out, PrintWriter err) {
            periods.close(name, "cli", null, Instant.now());
            err.println(Say.say(common.lang, "period.closed", "name", name));
            return ExitCode.OK.code();
        }
    }
}
