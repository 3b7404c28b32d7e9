package io.pilotcheck.ruletest;

import io.pilotcheck.words.Language;

import io.pilotcheck.report.JUnitXml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report of {@code rules test}: text for people, JUnit XML for CI. */
public final class RuleTestReport {

    private RuleTestReport() {
    }

    /**
     * Per file, one line per case ({@code ok} or {@code FAIL file:line name} and its diff), then
     * the totals and the coverage.
     */
    public static String text(RuleTestRun.Result result, Language lang) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<CaseOutcome>> file : result.byFile().entrySet()) {
            out.append(file.getKey()).append('\n');
            for (CaseOutcome o : file.getValue()) {
                out.append(o.passed() ? "  ok    " : "  FAIL  ").append(file.getKey()).append(':')
                        .append(o.rcase().at().line()).append("  ").append(o.rcase().name()).append('\n');
                o.diff(lang).forEach(d -> out.append("        ").append(d).append('\n'));
            }
        }
        long total = result.outcomes().size();
        long failed = result.failed();
        int files = result.byFile().size();
        out.append('\n').append(RuleTestWords.word("totals", lang, "total", total, "plural", total == 1 ? "" : "s",
                "files", RuleTestWords.word("files", lang, "n", files, "plural", files == 1 ? "" : "s"),
                "passed", total - failed, "failed", failed)).append('\n');
        Coverage c = result.coverage();
        int n = c.rules().size();
        out.append(RuleTestWords.word("coverage", lang, "n", n, "named", n - c.uncovered().size(),
                "fired", n - c.neverFired().size(), "silent", n - c.neverSilent().size())).append('\n');
        list(out, RuleTestWords.word("uncovered", lang), c.uncovered());
        list(out, RuleTestWords.word("neverFired", lang), c.neverFired());
        list(out, RuleTestWords.word("neverSilent", lang), c.neverSilent());
        return out.toString();
    }

    private static void list(StringBuilder out, String title, List<String> ids) {
        if (!ids.isEmpty()) {
            out.append("  ").append(title).append(": ").append(String.join(", ", ids)).append('\n');
        }
    }

    /**
     * JUnit XML: one test suite per test file, one test case per case, a failure carrying the
     * diff; with {@code coverageRequired}, a {@code coverage} suite with one test case per rule.
     */
    public static String junit(RuleTestRun.Result result, Language lang, boolean coverageRequired) {
        List<JUnitXml.Suite> suites = new ArrayList<>();
        for (Map.Entry<String, List<CaseOutcome>> file : result.byFile().entrySet()) {
            suites.add(new JUnitXml.Suite(file.getKey(), file.getValue().stream().map(o -> new JUnitXml.Case(
                    o.rcase().name(), file.getKey(), o.rcase().at().line(),
                    o.passed() ? List.of() : List.of(failure(String.join("\n", o.diff(lang)))), "")).toList()));
        }
        if (coverageRequired) {
            Coverage c = result.coverage();
            suites.add(new JUnitXml.Suite("coverage", c.rules().stream().map(rule -> {
                String why = c.uncovered().contains(rule) ? "no case names " + rule
                        : c.neverFired().contains(rule) ? rule + " gave no finding in any case" : null;
                return new JUnitXml.Case(rule, null, 0, why == null ? List.of() : List.of(failure(why)), "");
            }).toList()));
        }
        return JUnitXml.render("pilotcheck rules test", suites);
    }

    private static JUnitXml.Problem failure(String detail) {
        return new JUnitXml.Problem(false, detail.lines().findFirst().orElse("failed"), detail);
    }
}
