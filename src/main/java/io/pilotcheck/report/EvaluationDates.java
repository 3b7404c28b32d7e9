package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.words.Language;

import java.time.LocalDate;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The evaluation date(s) a batch was actually checked as of, in words: the date given with
 * {@code --as-of}, or each dossier's own {@code as_of} (one date, or the range). A report that
 * printed the run's day instead said "evaluated 2026-11-30" of dossiers evaluated in 2020.
 */
public final class EvaluationDates {

    private EvaluationDates() {
    }

    /** The evaluation date(s) of a batch as a report's header gives them. */
    public static String describe(BatchResult batch, ReportHeader header, Language lang) {
        if (header.asOfGiven() != null) {
            return ReportWords.word("header.evaluated.given", lang, "date", header.asOfGiven());
        }
        TreeSet<LocalDate> dates = batch.dossiers().stream().map(DossierResult::asOf).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        if (dates.isEmpty()) {
            return ReportWords.word("header.evaluated.none", lang);
        }
        if (dates.size() == 1) {
            return ReportWords.word("header.evaluated.one", lang, "date", dates.first());
        }
        return ReportWords.word("header.evaluated.range", lang, "from", dates.first(), "to", dates.last());
    }
}
