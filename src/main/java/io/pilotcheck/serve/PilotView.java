package io.pilotcheck.serve;

import java.util.List;

/**
 * A pilot's page ({@code pilot.jte}): its submissions as a chart, then each with its change
 * against the one before, newest first.
 *
 * @param page       the page's frame
 * @param province   the pilot's province in the page's language
 * @param countKey   the word that counts the submissions shown ({@code pilot.submissions} when all are)
 * @param count      how many are shown
 * @param chart      the chart, or null when there is nothing to draw
 * @param items      the submissions, newest first
 * @param newestPath the link back to the newest, or null when this page shows them
 * @param olderPath  the link to older ones, or null when there are none
 * @param current    the latest dossier's findings, or null on a page of older submissions or when there is none
 * @param selfPath   the pilot's page, below which its form ({@code /edit}) and workbook template are
 */
public record PilotView(PageView page, String province, String countKey, int count, ChartView chart, List<Item> items,
                        String newestPath, String olderPath, Current current, String selfPath) {

    /**
     * The pilot's latest dossier and its findings, with the reports of it alone.
     *
     * @param verdict    its verdict
     * @param day        the day it came in
     * @param findings   its findings in report order
     * @param reportPath its report alone as a page, below the base path
     * @param xlsxPath   and as a workbook
     */
    public record Current(String verdict, String day, List<Finding> findings, String reportPath, String xlsxPath) {
    }

    /**
     * One finding as the pilot's page shows it.
     *
     * @param severity its severity's id ({@code violation}), for its colour
     * @param severityName and in the page's language
     * @param rule     the rule's id
     * @param title    the rule's title
     * @param clause   the notice's clause
     * @param notice   the notice's words the rule enforces, or empty
     * @param message  what is wrong
     * @param where    the field and line
     * @param waived   whether a waiver accepts it
     */
    public record Finding(String severity, String severityName, String rule, String title, String clause, String notice,
                          String message, String where, boolean waived) {
    }

    /**
     * One submission.
     *
     * @param id         the submission's id
     * @param day        the day it came in
     * @param verdict    the dossier's verdict
     * @param violations the counts of its findings
     * @param warnings   …
     * @param pending    …
     * @param errors     …
     * @param submitter  who sent it, or empty
     * @param reportPath the submission's page, below the base path
     * @param filePath   the dossier file as received, below the base path
     * @param file       the file's name
     * @param first      whether it is the pilot's first: nothing to compare with
     * @param changes    what changed since the one before
     */
    public record Item(String id, String day, String verdict, int violations, int warnings, int pending, int errors,
                       String submitter, String reportPath, String filePath, String file, boolean first,
                       List<Change> changes) {
    }

    /**
     * One line of change.
     *
     * @param kind  {@code new}, {@code resolved} or {@code changed}
     * @param rule  the rule
     * @param text  the finding's message, or for a change the message before, an arrow and after
     */
    public record Change(String kind, String rule, String text) {
    }
}
