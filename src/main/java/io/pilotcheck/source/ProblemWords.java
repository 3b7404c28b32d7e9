package io.pilotcheck.source;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the problems found reading a dossier, by key, in both languages at once (a
 * problem carries both; the report picks one): {@code Problems.properties} (English) and
 * {@code Problems_zh.properties} (Chinese) beside this class.
 */
public final class ProblemWords {

    private static final ResourceBundle EN = ResourceBundle.getBundle("io.pilotcheck.source.Problems", Locale.ROOT);
    private static final ResourceBundle ZH = ResourceBundle.getBundle("io.pilotcheck.source.Problems", Locale.CHINESE);
    private static final Pattern VALUE = Pattern.compile("\\{(\\w+)}");

    private ProblemWords() {
    }

    /** The Chinese words of {@code key}, its {@code {name}}s filled from the pairs given. */
    public static String zh(String key, Object... namesAndValues) {
        return fill(ZH.getString(key), namesAndValues);
    }

    /** The English words of {@code key}, its {@code {name}}s filled from the pairs given. */
    public static String en(String key, Object... namesAndValues) {
        return fill(EN.getString(key), namesAndValues);
    }

    private static String fill(String template, Object... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        Matcher m = VALUE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        return m.appendTail(out).toString();
    }
}
