package io.pilotcheck.app;

import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.report.ReportFormat;

import java.time.LocalDate;
import java.util.List;

/**
 * An upload checked and its report rendered: what a front end answers with, and what
 * {@link Submissions#keep} keeps.
 *
 * @param format           the report's format
 * @param bytes            the report
 * @param exit             0, or 1 when the run fails at the threshold asked for
 * @param batch            every dossier's result, waivers applied
 * @param inputs           the files as received
 * @param rulesFingerprint the fingerprint of the rules that checked them
 * @param ruleCount        how many rules there were
 * @param asOf             the evaluation date asked for, or null
 */
public record Checked(ReportFormat format, byte[] bytes, int exit, BatchResult batch, List<DossierInput> inputs,
                      String rulesFingerprint, int ruleCount, LocalDate asOf) {
}
