package io.pilotcheck.dossier;

import java.time.LocalDate;

/**
 * A yearly progress report to the NDRC (年度进展情况, 四（三）).
 *
 * @param index     position in {@code annual_reports}, 0-based
 * @param year      the year reported on
 * @param submitted when it was submitted
 */
public record AnnualReport(int index, Integer year, LocalDate submitted) {

    /** The dossier path of this entry. */
    public String path() {
        return "annual_reports[" + index + "]";
    }
}
