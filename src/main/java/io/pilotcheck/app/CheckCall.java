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
 * @param waivers   the waivers granted in review that the check applies (docs/spec/review.md)
 */
public record CheckCall(ReportFormat format, Language lang, LocalDate asOf, Severity threshold, Instant at, long maxFile,
                        java.util.List<io.pilotcheck.finding.Waiver> waivers) {

    /** Copies the waivers. */
    public CheckCall {
        waivers = java.util.List.copyOf(waivers);
    }

    /** A call with no waiver. */
    public CheckCall(ReportFormat format, Language lang, LocalDate asOf, Severity threshold, Instant at, long maxFile) {
        this(format, lang, asOf, threshold, at, maxFile, java.util.List.of());
    }

    /** This call, checked as of {@code day} with {@code granted} waivers. */
    public CheckCall forPeriod(LocalDate day, java.util.List<io.pilotcheck.finding.Waiver> granted) {
        return new CheckCall(format, lang, day, threshold, at, maxFile, granted);
    }
}
