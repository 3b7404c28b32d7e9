package io.pilotcheck.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart laid out for inline SVG, so the HTML report draws its charts without a
 * script or a CDN and prints them as vectors. The template draws the bars; this computes where.
 */
final class HtmlChart {

    private static final int LABEL_WIDTH = 110;
    private static final int BAR_AREA = 260;
    private static final int ROW = 26;

    /** One bar: its label, value and the CSS class that colours it. */
    record Bar(String label, int value, String cls) {
    }

    private HtmlChart() {
    }

    /** The chart's view: title, size, and each bar's geometry. */
    static Map<String, Object> bars(List<Bar> bars, String title) {
        int max = bars.stream().mapToInt(Bar::value).max().orElse(0);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int width = max == 0 ? 0 : (int) Math.round((double) BAR_AREA * b.value() / max);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("label", b.label());
            v.put("value", b.value());
            v.put("cls", b.cls());
            v.put("y", i * ROW + 4);
            v.put("textY", i * ROW + 19);
            v.put("x", LABEL_WIDTH);
            v.put("width", Math.max(width, b.value() > 0 ? 2 : 0));
            v.put("valueX", LABEL_WIDTH + Math.max(width, 0) + 6);
            out.add(v);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("title", title);
        chart.put("width", LABEL_WIDTH + BAR_AREA + 50);
        chart.put("height", bars.size() * ROW + 8);
        chart.put("labelX", LABEL_WIDTH - 8);
        chart.put("bars", out);
        return chart;
    }
}
