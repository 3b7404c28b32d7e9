package io.pilotcheck.dossier;

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
}
