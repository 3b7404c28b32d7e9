package io.pilotcheck.store;

import io.pilotcheck.finding.BatchResult;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One check of a submission's files: under which rules and tool, as of when, and what it found.
 * A submission's first evaluation is made when it arrives; a re-check under newer rules adds
 * another beside it.
 *
 * @param evaluatedAt      when the check ran
 * @param reason           why: {@code submitted} or {@code recheck}
 * @param rulesFingerprint the rules' fingerprint
 * @param ruleCount        how many rules there were
 * @param toolVersion      pilotcheck's version
 * @param asOf             the evaluation date asked for, or null (each dossier's own {@code as_of})
 * @param batch            the findings, dossier by dossier
 */
public record EvaluationRecord(Instant evaluatedAt, String reason, String rulesFingerprint, int ruleCount,
                               String toolVersion, LocalDate asOf, BatchResult batch) {

    /** The reason of a submission's first evaluation. */
    public static final String SUBMITTED = "submitted";
    /** The reason of an evaluation under newer rules. */
    public static final String RECHECK = "recheck";

}
