package io.pilotcheck.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peak-year target as the annex writes it. The four forms keep their meaning: a plain year,
 * {@code 2020 左右} (about), {@code 2023-2025} (a range) and {@code 2025 之前} (before).
 *
 * @param kind  which form
 * @param year  the year the form names; for a range, its upper end
 * @param lower for a range its lower end, otherwise equal to {@code year}
 * @param text  the annex's own words
 */
public record PeakYear(Kind kind, int year, int lower, String text) {

    /** The four forms of the annex. */
    public enum Kind {
        /** {@code 2025}. */
        YEAR,
        /** {@code 2020 左右}: about the year, within a tolerance parameter. */
        ABOUT,
        /** {@code 2023-2025}: no later than the upper end. */
        RANGE,
        /** {@code 2025 之前}: no later than the year. */
        BEFORE
    }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern ABOUT = Pattern.compile("(\\d{4})\\s*左右");
    private static final Pattern RANGE = Pattern.compile("(\\d{4})\\s*[-–—~至]\\s*(\\d{4})");
    private static final Pattern BEFORE = Pattern.compile("(\\d{4})\\s*(?:年)?之前");

    /** Reads the annex's words; {@code null} when they are none of the four forms. */
    public static PeakYear parse(String text) {
        String t = text.trim();
        Matcher m;
        if ((m = RANGE.matcher(t)).matches()) {
            int lo = Integer.parseInt(m.group(1));
            int hi = Integer.parseInt(m.group(2));
            return lo <= hi ? new PeakYear(Kind.RANGE, hi, lo, t) : null;
        }
        if ((m = ABOUT.matcher(t)).matches()) {
            int y = Integer.parseInt(m.group(1));
            return new PeakYear(Kind.ABOUT, y, y, t);
        }
        if ((m = BEFORE.matcher(t)).matches()) {
            int y = Integer.parseInt(m.group(1));
            return new PeakYear(Kind.BEFORE, y, y, t);
        }
        if ((m = YEAR.matcher(t)).matches()) {
            int y = Integer.parseInt(m.group(1));
            return new PeakYear(Kind.YEAR, y, y, t);
        }
        return null;
    }

    /**
     * The latest peak year that still meets this target (catalogue LCP-PEAK-02): a plain year,
     * the upper end of a range, the year of "before Y", and Y plus the tolerance for "about Y".
     */
    public int latestAcceptable(int aboutToleranceYears) {
        return kind == Kind.ABOUT ? year + aboutToleranceYears : year;
    }
}
