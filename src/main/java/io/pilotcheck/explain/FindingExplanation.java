package io.pilotcheck.explain;

import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.dossier.LoadedDossier;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.report.TextReport;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleInfo;
import io.pilotcheck.rules.RuleSource;
import io.pilotcheck.source.YamlNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pilotcheck explain --finding FILE [RULE_ID]}: each finding of a dossier with the facts
 * behind it: the dossier values its rule reads, each with its location (or where it would stand
 * when absent), the evaluation date and where it came from, the parameters with their values,
 * and the annex entry the rule compared against.
 */
public final class FindingExplanation {

    private static final Pattern INDEXED = Pattern.compile("^([a-z_]+)\\[(\\d+)]");

    private FindingExplanation() {
    }

    /**
     * The findings of a checked dossier explained.
     *
     * @param ruleId only this rule's findings, or null for all
     * @param line   only findings at this line, or null
     * @param asOf   {@code --as-of}, or null
     * @return the text, and how many findings it explains
     */
    public static Result render(RuleBook book, Path file, LoadedDossier loaded, String ruleId, Integer line,
                                LocalDate asOf, LocalDate today, Language lang) throws IOException {
        RuleExplanation.Labels w = new RuleExplanation.Labels(lang);
        DossierResult result = checked(book, file, loaded, asOf, today);
        List<Finding> chosen = result.findings().stream()
                .filter(f -> ruleId == null || f.ruleId().equals(ruleId))
                .filter(f -> line == null || f.location().line() == line).toList();
        StringBuilder out = new StringBuilder();
        if (!loaded.checkable()) {
            out.append(w.t("theDossierCannotBe")).append('\n');
            result.findings().forEach(f -> out.append("  ").append(TextReport.line(f, lang)).append('\n'));
            return new Result(out.toString(), 0);
        }
        DossierValues values = new DossierValues(tree(file, loaded.file()));
        String dateFrom = asOf != null ? "--as-of" : loaded.dossier().asOf() != null
                ? w.t("theDossierSAs") : w.t("today");
        for (Finding f : chosen) {
            out.append(TextReport.line(f, lang)).append('\n');
            Optional<RuleInfo> rule = book.rule(f.ruleId());
            if (rule.isEmpty()) {
                out.append("  ").append(w.t("fromTheLoaderOr")).append("\n\n");
                continue;
            }
            RuleInfo r = rule.get();
            RuleSource source = RuleSource.of(r);
            out.append("  ").append(w.t("rule")).append('"').append(r.name()).append("\"  ").append(r.file())
                    .append(':').append(r.line()).append('\n');
            out.append("  ").append(w.t("asOf")).append(result.asOf()).append(" (").append(dateFrom).append(")\n");
            out.append("  ").append(w.t("dossierValuesItRead")).append('\n');
            for (String path : paths(f, source)) {
                facts(out, values, path, f, w);
            }
            StringBuilder params = new StringBuilder();
            RuleExplanation.parameters(params, book, source, r, w);
            params.toString().lines().forEach(l -> out.append("  ").append(l).append('\n'));
            if (source.conditions().contains("PilotCity(")) {
                book.registry().find(loaded.dossier().city()).ifPresent(c -> annex(out, c, r, w));
            }
            out.append('\n');
        }
        if (chosen.isEmpty()) {
            out.append(w.t("noFindingMatches")).append(loaded.file())
                    .append(ruleId == null ? "" : " " + ruleId).append(line == null ? "" : " line " + line)
                    .append(w.t("asOf2")).append(result.asOf()).append('\n');
        }
        return new Result(out.toString(), chosen.size());
    }

    /** The text and how many findings it explains. */
    public record Result(String text, int explained) {
    }

    /** The finding's own path first, then what the rule reads; list items narrowed to the finding's item. */
    private static Set<String> paths(Finding f, RuleSource source) {
        Set<String> out = new LinkedHashSet<>();
        if (!f.path().isEmpty()) {
            out.add(f.path());
        }
        Matcher m = INDEXED.matcher(f.path());
        for (String p : RuleReads.of(source.text(), source.conditions())) {
            out.add(m.find(0) && p.startsWith(m.group(1) + "[*]") ? p.replace(m.group(1) + "[*]", m.group(0)) : p);
        }
        return out;
    }

    private static void facts(StringBuilder out, DossierValues values, String path, Finding f, RuleExplanation.Labels w) {
        List<DossierValues.Value> found = values.matching(path);
        if (found.isEmpty()) {
            out.append(String.format("    %-44s %s%n", path, w.t("notInTheDossier")));
            return;
        }
        for (DossierValues.Value v : found) {
            out.append(String.format("    %-44s %s%n", v.path() + " = " + v.text(), v.location()));
            if (v.text().endsWith(" entries]") || v.text().endsWith(" entry]")) {
                // A rule that reads a whole list (a series) read every entry of it.
                for (DossierValues.Value item : values.matching(v.path() + "[*]")) {
                    out.append(String.format("      %-42s %s%n", item.path() + " = " + item.text(), item.location()));
                }
            }
        }
    }

    private static void annex(StringBuilder out, PilotCity c, RuleInfo r, RuleExplanation.Labels w) {
        Path registry = Path.of(r.file()).resolveSibling("pilot-cities.yaml");
        out.append(String.format("  %s%s (%s, %s %d%s, %s %s, %s %d)  %s%n", w.t("annex"), c.name(), c.province(),
                w.t("no"), c.number(), c.starred() ? "*" : "", w.t("peak"), c.peak().text(),
                w.t("focuses"), c.focuses().size(), TextLines.where(registry, c.name())));
    }

    private static YamlNode tree(Path file, String name) throws IOException {
        return new io.pilotcheck.dossier.DossierLoader().locatedTree(name, Files.readAllBytes(file))
                .orElseThrow(() -> new IOException("cannot read " + file));
    }

    /** The dossier checked through the check API, as {@code check} checks it, from what is already loaded. */
    private static DossierResult checked(RuleBook book, Path file, LoadedDossier loaded, LocalDate asOf, LocalDate today) {
        CheckRequest request = CheckRequest.of(book, List.of(DossierInput.file(loaded.file(), file)))
                .withPreloaded(java.util.Map.of(loaded.file(), loaded)).withAsOf(asOf).withToday(today).withJobs(1);
        return Check.runToEnd(request).checked().dossiers().get(0);
    }
}
