package io.pilotcheck.report;

import java.time.LocalDate;

/**
 * Who made a report, and when: what a reviewer who hands a report on needs it to say beyond the
 * findings. Both fields of text are optional and empty when not given.
 *
 * @param generated    the day the report was made, labelled as such (never as the evaluation date)
 * @param asOfGiven    the evaluation date the run was told ({@code --as-of}), or null when each
 *                     dossier was evaluated as of its own {@code as_of}
 * @param title        the report's title, or empty for the default
 * @param organisation who made it ({@code 湖南省发展改革委 气候处}), or empty
 */
public record ReportHeader(LocalDate generated, LocalDate asOfGiven, String title, String organisation) {

    /** A header with neither title nor organisation. */
    public ReportHeader {
        title = title == null ? "" : title.strip();
        organisation = organisation == null ? "" : organisation.strip();
    }

    /** A header for a report made on {@code generated}, evaluated as of {@code asOfGiven} (or each dossier's own). */
    public static ReportHeader of(LocalDate generated, LocalDate asOfGiven) {
        return new ReportHeader(generated, asOfGiven, "", "");
    }

    /** This header with a title and an organisation. */
    public ReportHeader by(String title, String organisation) {
        return new ReportHeader(generated, asOfGiven, title, organisation);
    }
}
