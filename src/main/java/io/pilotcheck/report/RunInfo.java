package io.pilotcheck.report;

/**
 * What a report says about the run itself rather than the dossiers.
 *
 * @param toolVersion      pilotcheck's version
 * @param asOf             the evaluation date given with {@code --as-of}, else the default (today)
 * @param ruleCount        how many rules were loaded
 * @param rulesFingerprint {@code sha256:} of the rule inputs
 */
public record RunInfo(String toolVersion, String asOf, int ruleCount, String rulesFingerprint) {
}
