package io.pilotcheck.facts;

import io.pilotcheck.dossier.EmissionRecord;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A year after the peak year whose emissions exceed the peak found (LCP-PEAK-04).
 *
 * <p>The peak found is the highest level reported for any year up to the annex's latest
 * acceptable peak year, so a city that peaked earlier than it promised is judged against that
 * earlier, higher level: emissions that fall and then rise a little have still peaked. Only years
 * that have ended by the evaluation date count, as for the annual reports.
 *
 * @param peak  the highest reported year up to the peak year
 * @param later a year after the peak year with higher emissions
 */
public record PeakExceedance(EmissionRecord peak, EmissionRecord later) {

    /**
     * The later years exceeding the peak found, in series order; empty when the series has no
     * year up to {@code peakYear} to compare with.
     *
     * @param peakYear   the annex's latest acceptable peak year
     * @param beforeYear only years before this one (the evaluation year) count
     */
    public static List<PeakExceedance> of(List<EmissionRecord> series, int peakYear, int beforeYear) {
        List<EmissionRecord> known = series.stream()
                .filter(r -> r.year() != null && r.mtCo2e() != null && r.year() < beforeYear).toList();
        Optional<EmissionRecord> peak = known.stream().filter(r -> r.year() <= peakYear)
                .max(Comparator.comparingDouble(EmissionRecord::mtCo2e)
                        .thenComparing(EmissionRecord::year, Comparator.reverseOrder()));
        if (peak.isEmpty()) {
            return List.of();
        }
        return known.stream().filter(r -> r.year() > peakYear && r.mtCo2e() > peak.get().mtCo2e())
                .map(r -> new PeakExceedance(peak.get(), r)).toList();
    }

    // Spelled out: the generated equals and hashCode link method handles on first use, which
    // a short run pays for (Drools hashes facts in `from`). FactEqualityTest keeps them whole.
    @Override
    public boolean equals(Object other) {
        return other instanceof PeakExceedance o && Objects.equals(peak, o.peak) && Objects.equals(later, o.later);
    }

    @Override
    public int hashCode() {
        return Objects.hash(peak, later);
    }
}
