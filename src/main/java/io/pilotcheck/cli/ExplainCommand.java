package io.pilotcheck.cli;

import io.pilotcheck.finding.BuiltInChecks;
import io.pilotcheck.report.ReportFile;
import io.pilotcheck.dossier.DossierLoader;
import io.pilotcheck.dossier.LoadedDossier;
import io.pilotcheck.source.Suggestions;
import io.pilotcheck.explain.FindingExplanation;
import io.pilotcheck.explain.RuleExplanation;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code pilotcheck explain RULE_ID} and {@code explain --finding DOSSIER [RULE_ID]}: a rule, or
 * the findings of a dossier with the facts behind each.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Explain a rule: its clause and the notice's words, what it checks and reads, its parameters "
                + "and their current values, its messages and its DRL source with file:line.",
                "With --finding DOSSIER: explain that dossier's findings (of RULE_ID, or all): the dossier values "
                + "the rule read, each with its location, the evaluation date, the parameters and the annex entry.",
                "Exit 0 when something was explained, 1 when no finding matched, 2 when the rule, the dossier "
                + "or the rules cannot be read."})
public final class ExplainCommand extends RulesCommand.WithRules {

    @Parameters(arity = "0..1", paramLabel = "RULE_ID", descriptionKey = "RULE_ID", description = "a rule id, e.g. LCP-PLAN-01")
    String ruleId;

    @Option(names = "--finding", paramLabel = "DOSSIER", description = "explain the findings of this dossier file")
    Path dossier;

    @Option(names = "--line", paramLabel = "N", description = "with --finding: only findings at this line")
    Integer line;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "with --finding: evaluate as of this date (default: the dossier's as_of, else today)")
    LocalDate asOf;

    @Override
    int run(RuleBook book, PrintWriter out) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<RuleInfo> rule = ruleId == null ? Optional.empty() : book.rule(ruleId);
        if (ruleId != null && rule.isEmpty() && !BuiltInChecks.ids().contains(ruleId)) {
            List<String> near = Suggestions.closest(ruleId, book.rules().stream().map(RuleInfo::id).toList(), 3);
            err.println(Say.say(common.lang, "noSuchRule", "id", ruleId,
                    "near", near.isEmpty() ? "" : Say.say(common.lang, "noSuchRuleNear", "ids", String.join(", ", near))));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        if (dossier == null) {
            if (rule.isEmpty()) {
                err.println(Say.say(common.lang, "explainWhat"));
                err.flush();
                return ExitCode.CANNOT_CHECK.code();
            }
            ReportFile.write(RuleExplanation.render(book, rule.get(), common.lang), null, out);
            return ExitCode.OK.code();
        }
        if (!Files.isRegularFile(dossier)) {
            err.println(Say.say(common.lang, "noSuchFile", "file", dossier));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        String name = dossier.toString().replace('\\', '/');
        LoadedDossier loaded = new DossierLoader().load(dossier, name);
        FindingExplanation.Result result = FindingExplanation.render(book, dossier, loaded, ruleId, line, asOf,
                LocalDate.now(), common.lang);
        ReportFile.write(result.text(), null, out);
        return result.explained() > 0 ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
    }
}
