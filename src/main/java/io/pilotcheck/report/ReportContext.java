package io.pilotcheck.report;

import io.pilotcheck.finding.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.rules.RuleBook;

/**
 * Everything a report format may draw on besides the dossiers' results.
 *
 * @param book      the rules the batch was checked with (titles, clauses, the annex)
 * @param run       what the report says about the run itself
 * @param lang      the language of the report's words
 * @param threshold the lowest severity that fails the run ({@code --fail-on}); null: never
 */
public record ReportContext(RuleBook book, RunInfo run, Language lang, Severity threshold) {
}
