package io.pilotcheck.ruletest;

import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;

import java.util.ArrayList;
import java.util.List;

/**
 * What running one case gave: its actual findings and, when it failed, a diff of what was
 * expected against what came.
 *
 * @param rcase  the case
 * @param actual the findings the dossier gave, in report order
 */
public record CaseOutcome(RuleCase rcase, List<Finding> actual) {

    /** Copies the findings. */
    public CaseOutcome {
        actual = List.copyOf(actual);
    }

    /** Whether every expectation holds. */
    public boolean passed() {
        return rcase.brokenEdit() == null && rcase.expect().stream().allMatch(e -> e.metBy(actual))
                && forbidden().isEmpty() && unexpected().isEmpty();
    }

    /** Findings of rules the case lists under {@code none}. */
    public List<Finding> forbidden() {
        return actual.stream().filter(f -> rcase.none().contains(f.ruleId())).toList();
    }

    /** With {@code only: true}, findings no expectation describes. */
    public List<Finding> unexpected() {
        if (!rcase.only()) {
            return List.of();
        }
        return actual.stream().filter(f -> rcase.expect().stream().noneMatch(e -> e.matches(f))
                && !rcase.none().contains(f.ruleId())).toList();
    }

    /**
     * The diff of a failed case, one line each: {@code -} for an expectation not met (with how
     * many findings matched), {@code +} for actual findings of the rules concerned, marked when
     * the case forbids them; empty for a passed case.
     */
    public List<String> diff(Language lang) {
        List<String> out = new ArrayList<>();
        if (rcase.brokenEdit() != null) {
            out.add("! " + rcase.brokenEdit());
            return out;
        }
        if (passed()) {
            return out;
        }
        for (Expectation e : rcase.expect()) {
            long n = actual.stream().filter(e::matches).count();
            if (!e.metBy(actual)) {
                out.add(RuleTestWords.word("expected", lang, "what", e.describe(lang), "n", n));
            }
        }
        for (String id : rcase.none()) {
            if (actual.stream().anyMatch(f -> f.ruleId().equals(id))) {
                out.add(RuleTestWords.word("expectedNone", lang, "rule", id));
            }
        }
        List<String> concerned = rcase.expect().stream().filter(e -> !e.metBy(actual)).map(Expectation::ruleId).toList();
        List<Finding> unexpected = unexpected();
        for (Finding f : actual) {
            boolean forbidden = rcase.none().contains(f.ruleId());
            boolean extra = unexpected.contains(f);
            if (forbidden || extra || concerned.contains(f.ruleId())) {
                String mark = forbidden ? RuleTestWords.word("markNone", lang) : extra ? RuleTestWords.word("markExtra", lang) : "";
                out.add(RuleTestWords.word("actual", lang, "finding", line(f, lang), "mark", mark));
            }
        }
        List<String> silent = concerned.stream().distinct()
                .filter(id -> actual.stream().noneMatch(f -> f.ruleId().equals(id))).toList();
        if (!silent.isEmpty()) {
            out.add(RuleTestWords.word("silent", lang, "rules", String.join(", ", silent)));
        }
        return out;
    }

    private static String line(Finding f, Language lang) {
        return f.ruleId() + " " + f.severity().id() + " " + RuleTestWords.word("line", lang, "line", f.location().line())
                + (f.path().isEmpty() ? "" : " " + f.path()) + ": " + f.message().in(lang);
    }
}
