package io.pilotcheck.entry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dossier's YAML written line by line from a workbook's cells or a form's fields, each line
 * noted with where it came from ({@code P}: a cell, a field), so that a finding at a line can be
 * shown there.
 *
 * @param <P> what a line came from
 */
final class YamlLines<P> {
    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, P> places = new LinkedHashMap<>();
    private final Map<String, Boolean> opened = new HashMap<>();
    private int line;

    /** {@code key: value}, under its parent mapping when the key is dotted. */
    void scalar(String key, String value, P from) {
        int dot = key.indexOf('.');
        if (dot > 0) {
            open(key.substring(0, dot), from);
            line("  " + key.substring(dot + 1) + ": " + value, from);
        } else {
            line(key + ": " + value, from);
        }
    }

    /** One row of a table: a list item of the given columns' values, each with where it came from. */
    void tableRow(String key, Map<String, Map.Entry<String, P>> values) {
        boolean first = true;
        for (Map.Entry<String, Map.Entry<String, P>> e : values.entrySet()) {
            if (first) {
                open(key, e.getValue().getValue());
            }
            line((first ? "  - " : "    ") + e.getKey() + ": " + e.getValue().getKey(), e.getValue().getValue());
            first = false;
        }
    }

    private void open(String parent, P from) {
        if (opened.putIfAbsent(parent, true) == null) {
            line(parent + ":", from);
        }
    }

    private void line(String s, P from) {
        text.append(s).append('\n');
        places.put(++line, from);
    }

    String text() {
        return text.toString();
    }

    /** Where each line (1-based) came from. */
    Map<Integer, P> places() {
        return places;
    }
}
