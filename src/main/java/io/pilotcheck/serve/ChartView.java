package io.pilotcheck.serve;

import java.util.List;

/**
 * A pilot's verdicts and counts over time as an SVG chart ({@code chart.jte}): a stacked bar a
 * submission, its verdict's colour beneath. Coordinates come formatted, so the template only places them.
 *
 * @param width  the drawing's width
 * @param height its height
 * @param plot   the base line's height
 * @param max    the largest count, the scale's top
 * @param bars   the bars' parts, bottom up, submission by submission
 * @param marks  the verdict marks
 * @param labels the dates under them
 */
public record ChartView(int width, int height, int plot, int max, List<Bar> bars, List<Mark> marks, List<Label> labels) {

    /** One part of a bar: a kind of finding and its count. */
    public record Bar(String x, String y, String width, String height, String fill, String title) {
    }

    /** One submission's verdict, as a colour under its bar. */
    public record Mark(String x, int y, String width, String fill) {
    }

    /** A date under a bar, and its time when another submission came the same day (else empty). */
    public record Label(String x, int y, String text, String time) {
    }
}
