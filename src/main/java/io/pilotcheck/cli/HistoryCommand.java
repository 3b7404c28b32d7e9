package io.pilotcheck.cli;

import io.pilotcheck.diff.ReportDiff;
import io.pilotcheck.words.Language;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.store.DossierEntry;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.Pilots;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.SubmissionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pilotcheck history CITY}: a pilot's kept submissions in the terminal, each against the one before. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "A pilot's kept submissions, oldest first, with what changed each time "
        + "(the store pilotcheck serve and check --record use)")
public final class HistoryCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--limit", paramLabel = "N", descriptionKey = "limit", defaultValue = "40",
            description = "the newest N submissions only, as the pilot's page shows them (0: all of them; default: ${DEFAULT-VALUE})")
    int limit;

    @Parameters(paramLabel = "CITY", descriptionKey = "CITY", description = "the pilot: its annex name (大连市) or English name (Dalian)")
    String city;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Language lang = common.lang;
        Optional<RuleBook> book = RulesLoading.load(common.rulesDir(), common.cache(), lang, err);
        if (book.isEmpty()) {
            return ExitCode.CANNOT_CHECK.code();
        }
        Optional<PilotCity> pilot = book.get().registry().find(city);
        if (pilot.isEmpty()) {
            err.println(Say.say(lang, "historyNoPilot", "city", city));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        StoreLocation where = store.location();
        if (limit < 0) {
            err.println(Say.say(lang, "historyLimit", "limit", limit));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        Pilots.History page;
        try (SubmissionStore kept = SqlSubmissionStore.open(where, where.migratesItself())) {
            page = new Application(book::get, () -> kept).pilots().history(Scope.all(), pilot.get().name(), lang,
                    limit == 0 ? Integer.MAX_VALUE - 1 : limit, null).orElseThrow();
        } catch (StoreUnavailable | IllegalArgumentException e) {
            err.println(Say.say(lang, "historyNoStore", "store", where.shown(), "reason", String.valueOf(e.getMessage())));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        PilotCity c = pilot.get();
        List<Pilots.Step> steps = page.steps();
        out.println(Say.say(lang, page.older() == null ? "historyHead" : "historyHeadNewest", "city",
                c.name(lang), "province", c.provinceFull(lang),
                "count", steps.size()));
        for (Pilots.Step step : steps) {
            DossierEntry e = step.entry();
            out.println(Say.say(lang, "historyLine", "date", io.pilotcheck.words.Clock.second(e.received()),
                    "verdict", Say.say(lang, "verdict." + e.verdict()), "violations", e.violations(), "warnings", e.warnings(),
                    "pending", e.pending(), "errors", e.errors(), "source", e.source().id(),
                    "submitter", e.submitter() == null ? "—" : e.submitter(), "file", e.file(), "id", e.submissionId()));
            if (step.change() == null) {
                continue;
            }
            print(out, step.change().byCity(), "");
            if (step.change().byRules() != null) {
                print(out, step.change().byRules(), " " + Say.say(lang, "historyByRules"));
            }
            if (!step.change().apart()) {
                out.println("    " + Say.say(lang, "historyRulesDiffer"));
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** A change's lines: resolved {@code -}, new {@code +}, changed {@code ~}, each marked with {@code mark}. */
    private static void print(PrintWriter out, ReportDiff.DossierDiff d, String mark) {
        d.resolved().forEach(i -> out.println("    -" + mark + " " + i.rule() + " " + i.message()));
        d.added().forEach(i -> out.println("    +" + mark + " " + i.rule() + " " + i.message()));
        d.changed().forEach(ch -> out.println("    ~" + mark + " " + ch.after().rule() + " " + ch.after().message()));
    }
}
