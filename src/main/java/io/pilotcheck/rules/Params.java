package io.pilotcheck.rules;

import io.pilotcheck.source.RuleYaml;
import io.pilotcheck.source.RuleInputException;

import io.pilotcheck.finding.Message;
import io.pilotcheck.source.SourceLocation;
import io.pilotcheck.source.YamlNode;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * Dates and numbers the rules use by name, from {@code rules/params.yaml}: the notice's own dates
 * (section {@code notice}), the reviewer assumptions the notice does not fix (section
 * {@code assumptions}), and the words for the parts a requirement lists (section {@code labels}:
 * levers, policy kinds, ...). A fact in every rule session, so DRL reads {@code $p.date("plan_due")},
 * iterates {@code $p.parts("levers")} and names a part with {@code $p.label("levers", $lever)}.
 */
public final class Params {

    /** The file name inside the rules folder. */
    public static final String FILE = "params.yaml";

    private static final String LABELS = "labels";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");

    private final Map<String, Object> values;
    private final Map<String, String> sections;
    private final Map<String, Map<String, Message>> labels;

    /**
     * Parameters with the given typed values (LocalDate, Integer, MonthDay), their sections, and
     * the labelled parts of each list requirement in file order.
     */
    public Params(Map<String, Object> values, Map<String, String> sections, Map<String, Map<String, Message>> labels) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.sections = Map.copyOf(sections);
        Map<String, Map<String, Message>> copy = new LinkedHashMap<>();
        labels.forEach((group, parts) -> copy.put(group, Collections.unmodifiableMap(new LinkedHashMap<>(parts))));
        this.labels = Collections.unmodifiableMap(copy);
    }

    /** A date parameter. */
    public LocalDate date(String name) {
        return typed(name, LocalDate.class);
    }

    /** A whole-number parameter. */
    public int integer(String name) {
        return typed(name, Integer.class);
    }

    /** For a month-day parameter such as {@code annual_report_due: "03-31"}: that day in {@code year}. */
    public LocalDate dayIn(String name, int year) {
        return typed(name, MonthDay.class).atYear(year);
    }

    /**
     * The parts a list requirement asks for, in file order ({@code parts("levers")}: the four
     * levers of 二（二）). Rules iterate them to give one finding per missing part.
     */
    public List<String> parts(String group) {
        return List.copyOf(group(group).keySet());
    }

    /** How a report names one part, in both languages; the value itself when it has no label. */
    public Message label(String group, String part) {
        Message m = group(group).get(part);
        return m != null ? m : new Message(part, part);
    }

    /** Every label group in file order, for documentation. */
    public Map<String, Map<String, Message>> labels() {
        return labels;
    }

    private Map<String, Message> group(String group) {
        Map<String, Message> g = labels.get(group);
        if (g == null) {
            throw new NoSuchElementException("rules/params.yaml has no label group '" + group + "'");
        }
        return g;
    }

    /** Every parameter in file order, for documentation and {@code explain}. */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * A parameter's current value as docs and {@code explain} show it: {@code 2017-12-31 (assumptions)},
     * or for a label group named {@code labels.<group>}, its parts in order.
     */
    public String describe(String name) {
        if (name.startsWith("labels.")) {
            return String.join(", ", labels.getOrDefault(name.substring("labels.".length()), Map.of()).keySet());
        }
        return values.get(name) + " (" + sections.get(name) + ")";
    }

    /** {@code notice} or {@code assumptions}: where a parameter is defined. */
    public String section(String name) {
        return sections.get(name);
    }

    private <T> T typed(String name, Class<T> type) {
        Object v = values.get(name);
        if (v == null) {
            throw new NoSuchElementException("rules/params.yaml has no parameter '" + name + "'");
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + v.getClass().getSimpleName()
                    + ", a rule asked for " + type.getSimpleName());
        }
        return type.cast(v);
    }

    /**
     * The parameters in a parsed {@code params.yaml}: mappings {@code notice} and {@code assumptions}
     * of name: value, and {@code labels} of group: part: {zh, en}.
     */
    public static Params of(YamlNode tree, String name) throws RuleInputException {
        YamlNode.Mapping root = RuleYaml.mapping(tree, name);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, Map<String, Message>> labels = new LinkedHashMap<>();
        for (YamlNode.Entry section : root.entries().values()) {
            if (section.key().equals(LABELS)) {
                labels.putAll(labels(section));
                continue;
            }
            if (!section.key().equals("notice") && !section.key().equals("assumptions")) {
                throw new RuleInputException(section.keyLocation(),
                        "unknown section '" + section.key() + "' (expected 'notice', 'assumptions' or 'labels')");
            }
            for (YamlNode.Entry e : RuleYaml.mapping(section.value(), section.key()).entries().values()) {
                if (values.containsKey(e.key())) {
                    throw new RuleInputException(e.keyLocation(), "parameter '" + e.key() + "' is defined twice");
                }
                values.put(e.key(), value(e));
                sections.put(e.key(), section.key());
            }
        }
        return new Params(values, sections, labels);
    }

    private static Map<String, Map<String, Message>> labels(YamlNode.Entry section) throws RuleInputException {
        Map<String, Map<String, Message>> labels = new LinkedHashMap<>();
        for (YamlNode.Entry group : RuleYaml.mapping(section.value(), LABELS).entries().values()) {
            Map<String, Message> parts = new LinkedHashMap<>();
            for (YamlNode.Entry part : RuleYaml.mapping(group.value(), LABELS + "." + group.key()).entries().values()) {
                String what = LABELS + "." + group.key() + "." + part.key();
                YamlNode.Mapping words = RuleYaml.mapping(part.value(), what);
                parts.put(part.key(), new Message(RuleYaml.text(words, "zh", what), RuleYaml.text(words, "en", what)));
            }
            labels.put(group.key(), parts);
        }
        return labels;
    }

    private static Object value(YamlNode.Entry e) throws RuleInputException {
        SourceLocation at = e.value().location();
        if (e.value() instanceof YamlNode.Scalar s) {
            String t = s.text().trim();
            try {
                if (s.kind() == YamlNode.ScalarKind.INTEGER) {
                    return Integer.valueOf(t);
                }
                if (s.kind() == YamlNode.ScalarKind.STRING && DATE.matcher(t).matches()) {
                    return LocalDate.parse(t);
                }
                if (s.kind() == YamlNode.ScalarKind.STRING && MONTH_DAY.matcher(t).matches()) {
                    return MonthDay.parse("--" + t);
                }
            } catch (DateTimeParseException | NumberFormatException ex) {
                throw new RuleInputException(at, "parameter '" + e.key() + "': '" + t + "' is not a real date");
            }
        }
        throw new RuleInputException(at, "parameter '" + e.key()
                + "' should be a date (YYYY-MM-DD), a month-day (MM-DD) or a whole number");
    }
}
