package io.pilotcheck.app;

import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.report.ReportFormat;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How an upload is to be checked and reported.
 *
 * @param format    the report's format
 * @param lang      the report's language
 * @param asOf      the evaluation date, or null (each dossier's own)
 * @param threshold the severity at which the run fails, or null (never)
 * @param at        when the upload arrived: the report's generation date is that moment's day
 * @param maxFile   the largest dossier read, in bytes
 */
public record CheckCall(ReportFormat format, Language lang, LocalDate asOf, Severity threshold, Instant at, long maxFile) {
}
