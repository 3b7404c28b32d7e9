package io.pilotcheck.dossier;

import java.time.LocalDate;
import java.util.Objects;

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

    // Spelled out: the generated equals and hashCode link method handles on first use, which
    // a short run pays for (Drools hashes facts in `from`). FactEqualityTest keeps them whole.
    @Override
    public boolean equals(Object other) {
        return other instanceof AnnualReport o
                && index == o.index
                && Objects.equals(year, o.year)
                && Objects.equals(submitted, o.submitted);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, year, submitted);
    }
}
