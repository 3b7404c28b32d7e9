package io.pilotcheck.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dossier as a city's workbook and web form lay it out (docs/spec/entry.md): sections, each
 * a sheet, and in each the items a city fills — one key of the dossier format each. The layout is
 * data ({@code layout.yaml}); every front end that writes or reads a form uses this one.
 */
public final class EntryLayout {

    /** How an item is entered. */
    public enum Kind {
        /** Free text. */
        text,
        /** A whole number. */
        integer,
        /** A year. */
        year,
        /** A number. */
        number,
        /** A date. */
        date,
        /** 是 or 否. */
        bool,
        /** One of the item's values. */
        choice,
        /** A list of the item's values, each a 是/否 row. */
        flags,
        /** Rows to add to, each with the item's columns. */
        table
    }

    /**
     * An item of a section.
     *
     * @param key     its key in the dossier format, dotted ({@code low_carbon_plan.adopted}); a column's key is its own
     * @param annex   whether the annex fills it, so that the city cannot change it
     * @param need    what to enter, in Chinese
     * @param clause  the notice's clause it serves, or empty
     * @param unit    its unit, or empty
     * @param values  a choice's or flags' values, each with its Chinese name, in order
     * @param columns a table's columns
     */
    public record Item(String key, Kind kind, boolean annex, String need, String clause, String unit, Map<String, String> values,
                       List<Item> columns) {
        /** Copies the values and columns. */
        public Item {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            columns = List.copyOf(columns);
        }

        /** What the item is called in the workbook and the form: its last key's Chinese label (规划通过日期). */
        public String label() {
            return io.pilotcheck.dossier.DossierTemplate.label(key.substring(key.lastIndexOf('.') + 1));
        }

        /** Its label with its unit, as a table's column head: 年份（年）. */
        public String heading() {
            return label() + (unit.isEmpty() ? "" : "（" + unit + "）");
        }

        /** What to enter, with the notice's clause: 低碳发展规划通过的日期【二（二）】. */
        public String requirement() {
            return need + (clause.isEmpty() ? "" : "【" + clause + "】");
        }

        /** Its value in a dossier read as a tree; missing when the dossier has none. */
        public JsonNode valueIn(JsonNode dossier) {
            JsonNode n = dossier;
            for (String part : key.split("\\.")) {
                n = n.path(part);
            }
            return n;
        }
    }

    /** A section: one sheet of the workbook, one part of the form. */
    public record Section(String name, List<Item> items) {
        /** Copies the items. */
        public Section {
            items = List.copyOf(items);
        }
    }

    private static final List<Section> SECTIONS = load();

    private EntryLayout() {
    }

    /** The sections, in order. */
    public static List<Section> sections() {
        return SECTIONS;
    }

    private static List<Section> load() {
        try (InputStream in = EntryLayout.class.getResourceAsStream("layout.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Section> out = new ArrayList<>();
            for (JsonNode s : root.path("sections")) {
                List<Item> items = new ArrayList<>();
                s.path("items").forEach(i -> items.add(item(i)));
                out.add(new Section(s.path("name").asText(), items));
            }
            return List.copyOf(out);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException("the entry layout is missing from the jar", new IOException(e));
        }
    }

    private static Item item(JsonNode i) {
        String kind = i.path("kind").asText();
        Map<String, String> values = new LinkedHashMap<>();
        i.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        List<Item> columns = new ArrayList<>();
        i.path("columns").forEach(c -> columns.add(item(c)));
        return new Item(i.path("key").asText(), kind.equals("int") ? Kind.integer : Kind.valueOf(kind), i.path("annex").asBoolean(false),
                i.path("need").asText(""), i.path("clause").asText(""), i.path("unit").asText(""), values, columns);
    }
}
