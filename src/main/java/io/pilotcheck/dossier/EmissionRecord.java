package io.pilotcheck.dossier;

import java.util.Objects;

/**
 * One year of the optional emissions series used for peak tracking.
 *
 * @param index   position in {@code emissions}, 0-based
 * @param year    the year
 * @param mtCo2e  emissions in million tonnes CO2-equivalent
 */
public record EmissionRecord(int index, Integer year, Double mtCo2e) {

    /** The dossier path of this entry. */
    public String path() {
        return "emissions[" + index + "]";
    }

    // Spelled out: the generated equals and hashCode link method handles on first use, which
    // a short run pays for (Drools hashes facts in `from`). FactEqualityTest keeps them whole.
    @Override
    public boolean equals(Object other) {
        return other instanceof EmissionRecord o
                && index == o.index
                && Objects.equals(year, o.year)
                && Objects.equals(mtCo2e, o.mtCo2e);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, year, mtCo2e);
    }
}
