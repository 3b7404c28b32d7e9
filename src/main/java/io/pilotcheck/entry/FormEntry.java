package io.pilotcheck.entry;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The dossier as the web form's fields (docs/spec/entry.md): one field a value, named as the
 * workbook's hidden key column names its row ({@code low_carbon_plan.adopted}, a flag
 * {@code low_carbon_plan.levers=energy_structure}, a table's cell {@code ghg_inventory[0].year}),
 * each holding the text the user sees and types (是/否, a choice's Chinese name, a date as
 * 2017-03-01). What the fields say is the same YAML the workbook's cells would make.
 */
public final class FormEntry {

    /**
     * The YAML the form's fields mean.
     *
     * @param yaml   the dossier in the format's YAML
     * @param fields for each line of it (1-based), the field it came from
     */
    public record Written(String yaml, Map<Integer, String> fields) {
    }

    private FormEntry() {
    }

    /** The fields for a dossier (its YAML read as a tree), as the form shows them. */
    public static Map<String, String> values(JsonNode dossier) {
        Map<String, String> out = new LinkedHashMap<>();
        for (EntryLayout.Section section : EntryLayout.sections()) {
            for (EntryLayout.Item item : section.items()) {
                JsonNode v = item.valueIn(dossier);
                switch (item.kind()) {
                    case flags -> {
                        if (v.isArray()) {
                            Set<String> on = new HashSet<>();
                            v.forEach(x -> on.add(x.asText()));
                            item.values().keySet().forEach(k -> out.put(item.key() + "=" + k, on.contains(k)
                                    ? DossierWorkbook.YES : DossierWorkbook.NO));
                            on.stream().filter(k -> !item.values().containsKey(k)).sorted()
                                    .forEach(k -> out.put(item.key() + "=" + k, DossierWorkbook.YES));
                        }
                    }
                    case table -> {
                        for (int i = 0; v.isArray() && i < v.size(); i++) {
                            for (EntryLayout.Item col : item.columns()) {
                                String text = shown(v.get(i).path(col.key()), col);
                                if (!text.isEmpty()) {
                                    out.put(item.key() + "[" + i + "]." + col.key(), text);
                                }
                            }
                        }
                    }
                    default -> {
                        String text = shown(v, item);
                        if (!text.isEmpty()) {
                            out.put(item.key(), text);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The YAML of the fields; a field the layout does not name is passed over. */
    public static Written yaml(Map<String, String> fields) {
        YamlLines<String> out = new YamlLines<>();
        for (EntryLayout.Section section : EntryLayout.sections()) {
            for (EntryLayout.Item item : section.items()) {
                switch (item.kind()) {
                    case flags -> {
                        java.util.List<String> on = new java.util.ArrayList<>();
                        String first = null;
                        for (String v : WorkbookReader.flagValues(item, fields.keySet())) {
                            String text = fields.getOrDefault(item.key() + "=" + v, "").strip();
                            if (!text.isEmpty()) {
                                first = first == null ? item.key() + "=" + v : first;
                                if (text.equals(DossierWorkbook.YES) || text.equals("on")) {
                                    on.add(v);
                                }
                            }
                        }
                        if (first != null) {
                            out.scalar(item.key(), "[" + String.join(", ", on) + "]", first);
                        }
                    }
                    case table -> {
                        for (int i = 0; i < rows(fields, item.key()); i++) {
                            Map<String, Map.Entry<String, String>> values = new LinkedHashMap<>();
                            for (EntryLayout.Item col : item.columns()) {
                                String name = item.key() + "[" + i + "]." + col.key();
                                String v = WorkbookReader.typed(fields.get(name), col);
                                if (v != null) {
                                    values.put(col.key(), Map.entry(v, name));
                                }
                            }
                            if (!values.isEmpty()) {
                                out.tableRow(item.key(), values);
                            }
                        }
                    }
                    default -> {
                        String v = WorkbookReader.typed(fields.get(item.key()), item);
                        if (v != null) {
                            out.scalar(item.key(), v, item.key());
                        }
                    }
                }
            }
        }
        return new Written(out.text(), out.places());
    }

    /** How many rows of the table {@code key} the fields fill (the highest index with a value, plus one). */
    public static int rows(Map<String, String> fields, String key) {
        int n = 0;
        String prefix = key + "[";
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey();
            if (name.startsWith(prefix) && field.getValue() != null && !field.getValue().isBlank()) {
                int close = name.indexOf(']', prefix.length());
                try {
                    n = Math.max(n, Integer.parseInt(name.substring(prefix.length(), close)) + 1);
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // not a row of this table: passed over
                }
            }
        }
        return Math.min(n, MAX_ROWS);
    }

    /** More rows than any pilot reports in a table; a form posting more is cut there. */
    public static final int MAX_ROWS = 200;

    /** A value as the form shows it: 是/否, a choice's Chinese name, a date or number as written. */
    private static String shown(JsonNode v, EntryLayout.Item item) {
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        return switch (item.kind()) {
            case bool -> v.isBoolean() ? (v.asBoolean() ? DossierWorkbook.YES : DossierWorkbook.NO) : v.asText();
            case choice -> item.values().getOrDefault(v.asText(), v.asText());
            case date -> {
                try {
                    yield LocalDate.parse(v.asText()).toString();
                } catch (DateTimeParseException e) {
                    yield v.asText();
                }
            }
            default -> v.isContainerNode() ? v.toString() : v.asText();
        };
    }
}
