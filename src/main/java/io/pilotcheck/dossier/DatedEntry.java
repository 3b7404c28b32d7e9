package io.pilotcheck.dossier;

import java.time.LocalDate;

/**
 * A date the dossier states, with the path it was written at: what LCP-DATA-01 compares with the
 * date the dossier says its facts are current to.
 *
 * @param path where the date was written ({@code annual_reports[1].submitted})
 * @param date the date
 */
public record DatedEntry(String path, LocalDate date) {
}
