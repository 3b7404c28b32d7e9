package io.pilotcheck.report;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * What a report says about the run itself rather than the dossiers.
 *
 * @param toolVersion pilotcheck's version
 * @param asOf        the evaluation date given with {@code --as-of}, else the default (today)
 * @param ruleCount   how many rules were loaded
 * @param fingerprint gives the {@code sha256:} of the rule inputs; asked only by the reports
 *                    that show it, since working it out is a noticeable part of a short run
 * @param header      when the report was made, the evaluation date it was told, and by whom
 */
public record RunInfo(String toolVersion, String asOf, int ruleCount, Supplier<String> fingerprint,
                      ReportHeader header) {

    /** A run told to evaluate as of {@code asOf}, on that day, by no one in particular. */
    public RunInfo(String toolVersion, String asOf, int ruleCount, Supplier<String> fingerprint) {
        this(toolVersion, asOf, ruleCount, fingerprint,
                ReportHeader.of(LocalDate.parse(asOf), LocalDate.parse(asOf)));
    }

    /** A run whose fingerprint is already known. */
    public RunInfo(String toolVersion, String asOf, int ruleCount, String rulesFingerprint) {
        this(toolVersion, asOf, ruleCount, () -> rulesFingerprint);
    }

    /** {@code sha256:} of the rule inputs. */
    public String rulesFingerprint() {
        return fingerprint.get();
    }
}
