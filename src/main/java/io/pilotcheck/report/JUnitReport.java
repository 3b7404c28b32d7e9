package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.rules.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check --format junit}: one test suite per dossier, one test case per rule checked.
 * A finding at or above {@code --fail-on} is a {@code failure} carrying its message and location;
 * an {@code error} finding is an {@code error}; findings below the threshold (pending, or
 * warnings under the default) and waived findings go to the case's {@code system-out}, so
 * nothing is dropped. A
 * dossier that could not be checked has one case per loader problem, each an error.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    /** The document; {@code threshold} is {@code --fail-on}'s severity, or null for never. */
    public static String render(BatchResult batch, List<RuleInfo> rules, Severity threshold, Language lang) {
        List<JUnitXml.Suite> suites = new ArrayList<>();
        for (DossierResult d : batch.dossiers()) {
            Map<String, List<Finding>> byRule = new LinkedHashMap<>();
            if (d.asOf() != null) {
                rules.forEach(r -> byRule.put(r.id(), new ArrayList<>()));
            }
            d.findings().forEach(f -> byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f));
            List<JUnitXml.Case> cases = new ArrayList<>();
            byRule.forEach((id, findings) -> cases.add(testCase(d, id, findings, rules, threshold, lang)));
            suites.add(new JUnitXml.Suite(d.file(), cases));
        }
        return JUnitXml.render("pilotcheck check", suites);
    }

    private static JUnitXml.Case testCase(DossierResult d, String id, List<Finding> findings, List<RuleInfo> rules,
                                          Severity threshold, Language lang) {
        String title = rules.stream().filter(r -> r.id().equals(id)).findFirst().map(r -> " " + r.title(lang)).orElse("");
        List<JUnitXml.Problem> problems = new ArrayList<>();
        StringBuilder below = new StringBuilder();
        for (Finding f : findings) {
            String line = TextReport.line(f, lang);
            if (f.severity() == Severity.ERROR) {
                problems.add(new JUnitXml.Problem(true, f.message().in(lang), line));
            } else if (f.failsAt(threshold)) {
                problems.add(new JUnitXml.Problem(false, f.message().in(lang), line));
            } else {
                below.append(line).append('\n');
            }
        }
        int firstLine = findings.isEmpty() ? 0 : findings.get(0).location().line();
        return new JUnitXml.Case(id + title, d.file(), firstLine, problems, below.toString());
    }
}
