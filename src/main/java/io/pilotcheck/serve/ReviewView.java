package io.pilotcheck.serve;

import java.util.List;

/** What the review loop's pages show ({@code period.jte}, {@code review.jte}, {@code inbox.jte}, {@code admin-periods.jte}). */
public final class ReviewView {

    private ReviewView() {
    }

    /** A period as a list shows it. */
    public record PeriodRow(String name, String pathName, String due, String asOf, String pilots, boolean open, String closed) {
    }

    /** A rule as a row names it: its id and title. */
    public record Rule(String id, String title) {
    }

    /**
     * A pilot's row on a period's page.
     *
     * @param verdict      the current dossier's verdict id, or empty when nothing was submitted
     * @param since        what changed since its previous submission in the period, as shown, or empty
     * @param changed      whether anything did (the row is marked)
     * @param compareShown its state in the period compared with, or null when none is
     */
    public record PilotRow(String city, String cityEn, String pathName, String province, String state, String stateShown, long daysOverdue,
                           String submissionPath, String lastStep, String verdict, int violations, int warnings, int pending, int errors,
                           long openMustFix, List<Rule> rules, String since, boolean changed, String compareShown) {
    }

    /** A choice of a filter. */
    public record Option(String value, String label, boolean selected) {
    }

    /**
     * A period's page: where each pilot in scope stands, filtered.
     *
     * @param counts  how many pilots are in each state, as shown
     * @param compare the period compared with, or null
     * @param query   the filters as a query, each followed by {@code &}
     */
    public record Period(PageView page, PeriodRow period, List<PilotRow> pilots, List<PeriodRow> others, List<String> counts,
                         List<Option> states, List<Option> provinces, List<Option> verdicts, List<Option> rules, List<Option> compares,
                         String search, String compare, String query, boolean filtered) {
    }

    /** A finding of the dossier under review and what was decided on it. */
    public record Finding(String rule, String title, String severity, String severityShown, String path, String message,
                          String decided, String decidedShown, String decisionText, boolean waivedByCheck) {
    }

    /** A comment, its time as shown. */
    public record Comment(String author, String at, String on, String body) {
    }

    /** An earlier 须整改 and whether the current dossier resolves it. */
    public record Earlier(String rule, String path, boolean resolved) {
    }

    /**
     * A pilot's review page.
     *
     * @param base       the page's own path below the base path, where its forms post to
     * @param mayReview  whether the caller may open, decide, return and accept
     * @param maySubmit  whether the caller may withdraw
     * @param mayReopen  whether the caller may reopen
     * @param editPath   the pilot's web form, where a city amends what was returned
     */
    public record Review(PageView page, String periodName, String periodPath, String city, String state, String stateShown,
                         long daysOverdue, String submissionPath, String file, List<Finding> findings, List<Earlier> earlier,
                         List<Comment> comments, long openMustFix, String base, boolean mayReview, boolean maySubmit, boolean mayReopen,
                         String editPath) {
    }

    /** A notification as the inbox shows it. */
    public record Note(String at, String text, String path, boolean unread) {
    }

    /** The inbox. */
    public record Inbox(PageView page, List<Note> notes) {
    }

    /** The admin's periods page. */
    public record Admin(PageView page, List<PeriodRow> periods, AdminView.Told told) {
    }
}
