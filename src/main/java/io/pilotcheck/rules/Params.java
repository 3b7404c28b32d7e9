package io.pilotcheck.rules;

import io.pilotcheck.source.SourceLocation;
import io.pilotcheck.source.YamlNode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * Dates and numbers the rules use by name, from {@code rules/params.yaml}: the notice's own dates
 * (section {@code notice}) and the reviewer assumptions the notice does not fix (section
 * {@code assumptions}). A fact in every rule session, so DRL reads {@code $p.date("plan_due")}.
 */
public final class Params {

    /** The file name inside the rules folder. */
    public static final String FILE = "params.yaml";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");

    private final Map<String, Object> values;
    private final Map<String, String> sections;

    /** Parameters with the given typed values (LocalDate, Integer, MonthDay) and their sections. */
    public Params(Map<String, Object> values, Map<String, String> sections) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.sections = Map.copyOf(sections);
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

    /** Every parameter in file order, for documentation and {@code explain}. */
    public Map<String, Object> values() {
        return values;
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

    /** Reads {@code params.yaml}: mappings {@code notice} and {@code assumptions} of name: value. */
    public static Params load(Path file, String name) throws RuleInputException {
        YamlNode.Mapping root = RuleYaml.mapping(RuleYaml.read(file, name), name);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> sections = new LinkedHashMap<>();
        for (YamlNode.Entry section : root.entries().values()) {
            if (!section.key().equals("notice") && !section.key().equals("assumptions")) {
                throw new RuleInputException(section.keyLocation(),
                        "unknown section '" + section.key() + "' (expected 'notice' or 'assumptions')");
            }
            for (YamlNode.Entry e : RuleYaml.mapping(section.value(), section.key()).entries().values()) {
                if (values.containsKey(e.key())) {
                    throw new RuleInputException(e.keyLocation(), "parameter '" + e.key() + "' is defined twice");
                }
                values.put(e.key(), value(e));
                sections.put(e.key(), section.key());
            }
        }
        return new Params(values, sections);
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
