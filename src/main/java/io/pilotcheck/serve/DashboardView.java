package io.pilotcheck.serve;

import java.util.List;

/**
 * The dashboard ({@code dashboard.jte}): the pilots in scope by province in annex order, as the
 * filters leave them.
 *
 * @param page      the page's frame
 * @param shown     how many pilots the filters leave
 * @param oldRules  how many pilots' latest dossiers older rules checked (0: none to re-check)
 * @param provinces the province filter's options
 * @param verdicts  the verdict filter's options
 * @param changes   the change filter's options
 * @param filtered  whether a filter is set (an empty result then says so)
 * @param query     the filters as a query, for the link to the other language
 * @param groups    the pilots shown, by province
 */
public record DashboardView(PageView page, int shown, int oldRules, List<Option> provinces, List<Option> verdicts,
                            List<Option> changes, boolean filtered, List<Group> groups) {

    /** A filter's option. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A province's pilots. */
    public record Group(String province, List<Row> rows) {
    }

    /** A rule a row names: its id and its title in the page's language. */
    public record Rule(String id, String title) {
    }

    /**
     * One pilot's row.
     *
     * @param city       its annex name (the row's key)
     * @param number     its number in the annex
     * @param name       its name in the page's language
     * @param path       its page, below the base path
     * @param starred    whether it was approved on condition
     * @param verdict    its latest dossier's verdict, or {@code none}
     * @param never      whether it never submitted
     * @param violations its latest dossier's violations
     * @param warnings   and warnings
     * @param pending    and findings not yet due
     * @param errors     and errors
     * @param day        the day that dossier came in
     * @param rules      the distinct rules its violations are of, in report order
     * @param oldRules   whether older rules checked it
     * @param change     what changed since the submission before: {@code first}, {@code same},
     *                   {@code changed} (the city's file) or {@code rules} (only the rules)
     * @param changeText the change in words ("新增 1，已解决 2"), empty when there is none
     * @param error      why the latest dossier could not be checked, or empty
     */
    public record Row(String city, int number, String name, String path, boolean starred, String verdict, boolean never,
                      int violations, int warnings, int pending, int errors, String day, List<Rule> rules,
                      boolean oldRules, String change, String changeText, String error) {
    }
}
