package io.pilotcheck.ruletest;

import io.pilotcheck.finding.Finding;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rules the cases reach: named by some case, seen firing in some case, and shown silent
 * (a passing case lists the rule under {@code none}).
 *
 * @param rules        every rule id of the rule book, sorted
 * @param uncovered    rules no case names
 * @param neverFired   rules that gave no finding an expectation describes, in any case
 * @param neverSilent  rules no passing case shows silent with {@code none}
 */
public record Coverage(List<String> rules, List<String> uncovered, List<String> neverFired, List<String> neverSilent) {

    /** Coverage of {@code ruleIds} by the outcomes. */
    public static Coverage of(List<String> ruleIds, List<CaseOutcome> outcomes) {
        Set<String> named = new TreeSet<>();
        Set<String> fired = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (CaseOutcome o : outcomes) {
            named.addAll(o.rcase().ruleIds());
            // Only a firing some expectation describes counts: noise from other rules proves nothing.
            o.actual().stream().filter(f -> o.rcase().expect().stream().anyMatch(e -> e.matches(f)))
                    .map(Finding::ruleId).forEach(fired::add);
            if (o.passed()) {
                silent.addAll(o.rcase().none());
            }
        }
        List<String> all = ruleIds.stream().sorted().distinct().toList();
        return new Coverage(all, all.stream().filter(r -> !named.contains(r)).toList(),
                all.stream().filter(r -> !fired.contains(r)).toList(),
                all.stream().filter(r -> !silent.contains(r)).toList());
    }

    /** Whether every rule is named by a case and seen firing ({@code --require-coverage}). */
    public boolean full() {
        return uncovered.isEmpty() && neverFired.isEmpty();
    }
}
