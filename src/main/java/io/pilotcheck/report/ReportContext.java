package io.pilotcheck.report;

import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.rules.RuleInfo;

import java.util.List;
import java.util.Optional;

/**
 * Everything a report format may draw on besides the dossiers' results: what the rules say about
 * themselves and the annex, never the engine that ran them.
 *
 * @param rules     the metadata of the rules the batch was checked with (titles, clauses, words)
 * @param registry  the annex's pilots
 * @param run       what the report says about the run itself
 * @param lang      the language of the report's words
 * @param threshold the lowest severity that fails the run ({@code --fail-on}); null: never
 */
public record ReportContext(List<RuleInfo> rules, PilotRegistry registry, RunInfo run, Language lang,
                            Severity threshold) {

    /** Keeps its own copy of the rules. */
    public ReportContext {
        rules = List.copyOf(rules);
    }

    /** The rule with that id, if the batch was checked with one. */
    public Optional<RuleInfo> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
