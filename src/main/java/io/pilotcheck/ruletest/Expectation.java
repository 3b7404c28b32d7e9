package io.pilotcheck.ruletest;

import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.source.SourceLocation;

import java.util.List;

/**
 * One expected finding of a case: a rule id and severity, and optionally how many, at which line
 * and with which words.
 *
 * @param ruleId   the rule id, e.g. {@code LCP-PLAN-01}
 * @param severity the severity the findings must have
 * @param count    exactly this many matching findings, or null for "at least one"
 * @param line     the dossier line the findings stand at, or null for any
 * @param message  text the message must contain (in Chinese or English), or null for any
 * @param at       where the expectation is written in the test file
 */
public record Expectation(String ruleId, Severity severity, Integer count, Integer line, String message,
                          SourceLocation at) {

    /** Whether a finding is one this expectation describes. */
    public boolean matches(Finding f) {
        return f.ruleId().equals(ruleId) && f.severity() == severity
                && (line == null || f.location().line() == line)
                && (message == null || f.message().zh().contains(message) || f.message().en().contains(message));
    }

    /** Whether the matching findings among {@code actual} satisfy it. */
    public boolean metBy(List<Finding> actual) {
        long n = actual.stream().filter(this::matches).count();
        return count == null ? n >= 1 : n == count;
    }

    /** How the expectation reads in a diff, e.g. {@code LCP-PLAN-01 violation ×1 line 12 "逾期"}. */
    public String describe(Language lang) {
        StringBuilder s = new StringBuilder(ruleId).append(' ').append(severity.id());
        if (count != null) {
            s.append(" ×").append(count);
        }
        if (line != null) {
            s.append(' ').append(RuleTestWords.word("line", lang, "line", line));
        }
        if (message != null) {
            s.append(" \"").append(message).append('"');
        }
        return s.toString();
    }
}
