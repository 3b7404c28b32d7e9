package io.pilotcheck.cli;

import io.pilotcheck.report.ReportFile;
import io.pilotcheck.catalogue.RuleDoc;
import io.pilotcheck.catalogue.RuleList;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleInfo;
import io.pilotcheck.source.RuleInputException;
import io.pilotcheck.ruletest.RuleTestReport;
import io.pilotcheck.ruletest.RuleTestRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code pilotcheck rules ...}: the rule catalogue. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with the rules.",
        subcommands = {RulesCommand.ListCommand.class, RulesCommand.ValidateCommand.class, RulesCommand.DocCommand.class,
                RulesCommand.TestCommand.class, RulesCommand.PublishCommand.class, RulesCommand.HistoryCommand.class})
public final class RulesCommand {

    /**
     * What every {@code rules} subcommand does first: load the rules, or print each problem and
     * exit 2. Subcommands then work on the loaded book.
     */
    abstract static class WithRules implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Override
        public final Integer call() throws IOException {
            Optional<RuleBook> book = RulesLoading.load(common.rulesDir(), common.cache(), common.lang, spec.commandLine().getErr());
            if (book.isEmpty()) {
                return ExitCode.CANNOT_CHECK.code();
            }
            int code = run(book.get(), spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return code;
        }

        /** The subcommand's work on rules that loaded; returns the exit code. */
        abstract int run(RuleBook book, PrintWriter out) throws IOException;
    }

    /**
     * {@code pilotcheck rules validate}: compile the rules and report every problem located in the
     * author's files, with exit code 2 on any; {@code check} refuses such rules with the same words.
     */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Compile the rules and check their metadata and parameters; every problem as "
                    + "file:line:col: message. Exit 0 when they can be used, 2 when not.",
                    "With --catalogue, also warn of rule ids the catalogue (a Markdown table of ids) lacks."})
    public static final class ValidateCommand extends WithRules {

        @Option(names = "--catalogue", paramLabel = "FILE",
                description = "a requirements catalogue (e.g. docs/spec/requirements.md): warn of rule ids it lacks")
        Path catalogue;

        @Override
        int run(RuleBook book, PrintWriter out) throws IOException {
            int warnings = 0;
            if (catalogue != null) {
                String text = Files.readString(catalogue);
                for (RuleInfo r : book.rules()) {
                    if (!Pattern.compile("\\|\\s*" + Pattern.quote(r.id()) + "\\s*\\|").matcher(text).find()) {
                        out.println(r.file() + ":" + r.line() + ":1: warning: rule \"" + r.name() + "\": " + r.id()
                                + " is not in " + catalogue);
                        warnings++;
                    }
                }
            }
            long files = book.rules().stream().map(RuleInfo::file).distinct().count();
            out.println(common.rulesDir() + ": " + book.rules().size() + " rules in " + files + " files, "
                    + book.registry().cities().size() + " pilots, " + book.params().values().size()
                    + " parameters: OK" + (warnings == 0 ? "" : " (" + warnings + " warning" + (warnings == 1 ? "" : "s") + ")"));
            return ExitCode.OK.code();
        }
    }

    /** {@code pilotcheck rules doc}: {@code docs/rules.md} generated from the rules' metadata. */
    @Command(name = "doc", mixinStandardHelpOptions = true,
            description = "Write the rule catalogue as Markdown (docs/rules.md) from the rules' metadata, "
                    + "with an example finding of each rule from the fixtures.")
    public static final class DocCommand extends WithRules {

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here, e.g. docs/rules.md (default: stdout)")
        Path output;

        @Option(names = "--fixtures", paramLabel = "DIR", defaultValue = "fixtures",
                description = "example dossiers for the examples (default: fixtures)")
        Path fixtures;

        @Override
        int run(RuleBook book, PrintWriter out) throws IOException {
            ReportFile.write(RuleDoc.render(book, fixtures), output, out);
            return ExitCode.OK.code();
        }
    }

    /** {@code pilotcheck rules list}: the catalogue from the rules' own metadata. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the rules: id, severity, clause, title (from each rule's metadata).")
    public static final class ListCommand extends WithRules {

        @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table (default, tab-separated), json or markdown")
        RuleList.Format format;

        @Override
        int run(RuleBook book, PrintWriter out) throws IOException {
            ReportFile.write(RuleList.render(book, format, common.lang), null, out);
            return ExitCode.OK.code();
        }
    }

    /**
     * {@code pilotcheck rules test [DIR]}: run the YAML rule test cases and report each case, a
     * diff for each failure, and the rules' coverage.
     */
    @Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Run the rule test cases (YAML files under DIR, default: the rules folder's tests/; "
                    + "dossiers shared by test files go in DIR/dossiers/) and report pass/fail per case, "
                    + "with a diff of expected and actual findings, then which rules no case covers and which "
                    + "were never seen firing.",
                    "Exit 0 when every case passes (and, with --require-coverage, every rule is covered and fired), "
                    + "1 when not, 2 when a test file or the rules cannot be read."})
    public static final class TestCommand extends WithRules {

        @Parameters(arity = "0..1", paramLabel = "DIR", descriptionKey = "DIR", description = "test folder or one test file (default: RULES/tests)")
        Path dir;

        @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default) or junit (JUnit XML)")
        Format format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report here (default: stdout)")
        Path output;

        @Option(names = "--require-coverage",
                description = "fail unless every rule is named by some case and seen firing in some case")
        boolean requireCoverage;

        /** Report formats of {@code rules test}. */
        enum Format { text, junit }

        @Override
        int run(RuleBook book, PrintWriter out) throws IOException {
            RuleTestRun.Result result;
            try {
                result = RuleTestRun.run(book, dir != null ? dir : common.rulesDir().resolve("tests"), LocalDate.now());
            } catch (RuleInputException e) {
                PrintWriter err = spec.commandLine().getErr();
                e.problems().forEach(err::println);
                int n = e.problems().size();
                err.println(Say.say(common.lang, "ruleTestsCannotRun", "n", n, "plural", n == 1 ? "" : "s"));
                err.flush();
                return ExitCode.CANNOT_CHECK.code();
            }
            String report = format == Format.junit ? RuleTestReport.junit(result, common.lang, requireCoverage)
                    : RuleTestReport.text(result, common.lang);
            ReportFile.write(report, output, out);
            boolean shortCoverage = requireCoverage && !result.coverage().full();
            if (shortCoverage) {
                spec.commandLine().getErr().println(Say.say(common.lang, "coverageShort"));
                spec.commandLine().getErr().flush();
            }
            return result.failed() > 0 || shortCoverage ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
        }
    }

    /**
     * {@code pilotcheck rules publish [DIR]}: the rules folder, once it builds and its tests pass,
     * kept in the store as the next numbered rule set, which every instance serving the store
     * checks with from then on.
     */
    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Publish a rules folder (default: the rules folder) into the store as the next rule set: "
                    + "every pilotcheck serve on that store checks with it within seconds. The rules must build and "
                    + "their tests (DIR/tests) pass.",
                    "Exit 0 when published (or already the active set), 1 when a rule test fails, 2 when the rules or the store cannot be used."})
    public static final class PublishCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions store;

        @Parameters(arity = "0..1", paramLabel = "DIR", descriptionKey = "DIR", description = "the rules folder to publish (default: the rules folder)")
        Path dir;

        @Option(names = "--note", paramLabel = "TEXT", description = "why: shown by rules history")
        String note;

        @Option(names = "--by", paramLabel = "NAME", description = "who publishes (default: the system user's name)")
        String by;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Path folder = dir != null ? dir : common.rulesDir();
            Optional<RuleBook> book = RulesLoading.load(folder, common.cache(), common.lang, err);
            if (book.isEmpty()) {
                return ExitCode.CANNOT_CHECK.code();
            }
            Path tests = folder.resolve("tests");
            if (Files.isDirectory(tests)) {
                try {
                    RuleTestRun.Result result = RuleTestRun.run(book.get(), tests, LocalDate.now());
                    if (result.failed() > 0) {
                        err.print(RuleTestReport.text(result, common.lang));
                        err.println(Say.say(common.lang, "publishTestsFail", "n", result.failed(), "dir", folder));
                        err.flush();
                        return ExitCode.FINDINGS.code();
                    }
                } catch (RuleInputException e) {
                    e.problems().forEach(err::println);
                    err.println(Say.say(common.lang, "ruleTestsCannotRun", "n", e.problems().size(), "plural", e.problems().size() == 1 ? "" : "s"));
                    err.flush();
                    return ExitCode.CANNOT_CHECK.code();
                }
            }
            io.pilotcheck.store.sql.StoreLocation where = store.location();
            try (io.pilotcheck.store.SubmissionStore kept = io.pilotcheck.store.sql.SqlSubmissionStore.open(where, where.migratesItself())) {
                io.pilotcheck.store.RuleSetStore.Published done = io.pilotcheck.app.RuleSets.of(kept).publish(book.get(),
                        by != null ? by : System.getProperty("user.name"), note, java.time.Instant.now());
                err.println(Say.say(common.lang, done.added() ? "published" : "publishedAlready", "number", done.set().number(),
                        "rules", done.set().ruleCount(), "fingerprint", done.set().fingerprint(), "store", where.shown()));
                err.flush();
                return ExitCode.OK.code();
            } catch (io.pilotcheck.store.StoreUnavailable | IllegalArgumentException e) {
                err.println(Say.say(common.lang, "publishFailed", "store", where.shown(), "reason", String.valueOf(e.getMessage())));
                err.flush();
                return ExitCode.CANNOT_CHECK.code();
            }
        }
    }

    /** {@code pilotcheck rules history}: the rule sets published into the store, newest first, with what each changed. */
    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "List the rule sets published into the store, newest first: number, when, by whom, why, "
                    + "and what changed from the set before (parameters, rules added, removed, edited).")
    public static final class HistoryCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            io.pilotcheck.store.sql.StoreLocation where = store.location();
            try (io.pilotcheck.store.SubmissionStore kept = io.pilotcheck.store.sql.SqlSubmissionStore.open(where, where.migratesItself())) {
                java.util.List<io.pilotcheck.app.RuleSets.Listed> sets = io.pilotcheck.app.RuleSets.of(kept).history();
                if (sets.isEmpty()) {
                    out.println(Say.say(common.lang, "ruleSetsNone", "store", where.shown()));
                }
                boolean first = true;
                for (io.pilotcheck.app.RuleSets.Listed l : sets) {
                    io.pilotcheck.store.RuleSetStore.RuleSet set = l.set();
                    out.println(Say.say(common.lang, first ? "ruleSetActive" : "ruleSetLine", "number", set.number(),
                            "at", io.pilotcheck.words.Clock.second(set.publishedAt()), "by", set.publishedBy() == null ? "—" : set.publishedBy(),
                            "rules", set.ruleCount(), "fingerprint", set.fingerprint(), "note", set.note() == null ? "" : set.note()));
                    first = false;
                    if (l.changes() == null) {
                        out.println("    " + Say.say(common.lang, "ruleSetChangesUnknown"));
                        continue;
                    }
                    for (io.pilotcheck.rules.RuleEdition.Change c : l.changes()) {
                        out.println("    " + (c.kind().equals("param")
                                ? Say.say(common.lang, "ruleChange.param", "name", c.name(), "before", c.before().isEmpty() ? "—" : c.before(),
                                "after", c.after().isEmpty() ? "—" : c.after(), "rules", c.rules().isEmpty() ? "—" : String.join(", ", c.rules()))
                                : Say.say(common.lang, "ruleChange." + c.kind(), "rule", c.name())));
                    }
                }
                out.flush();
                return ExitCode.OK.code();
            } catch (io.pilotcheck.store.StoreUnavailable | IllegalArgumentException e) {
                err.println(Say.say(common.lang, "ruleSetsFailed", "store", where.shown(), "reason", String.valueOf(e.getMessage())));
                err.flush();
                return ExitCode.CANNOT_CHECK.code();
            }
        }
    }
}
