package io.pilotcheck.finding;

import org.apache.commons.text.StringSubstitutor;

import java.util.HashMap;
import java.util.Map;

/** Fills a message's named values ({@code {file}}, {@code {n}}), given as name-value pairs. */
public final class Placeholders {

    private Placeholders() {
    }

    /** {@code template} with each {@code {name}} replaced by the value paired with it ({@code "n", 3}). */
    public static String fill(String template, Object... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        return new StringSubstitutor(values, "{", "}").replace(template);
    }
}
