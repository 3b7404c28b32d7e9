package io.pilotcheck.dossier;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date the dossier states, with the path it was written at: what LCP-DATA-01 compares with the
 * date the dossier says its facts are current to.
 *
 * @param path where the date was written ({@code annual_reports[1].submitted})
 * @param date the date
 */
public record DatedEntry(String path, LocalDate date) {

    // Spelled out: the generated equals and hashCode link method handles on first use, which
    // a short run pays for (Drools hashes facts in `from`). FactEqualityTest keeps them whole.
    @Override
    public boolean equals(Object other) {
        return other instanceof DatedEntry o && Objects.equals(path, o.path) && Objects.equals(date, o.date);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, date);
    }
}
