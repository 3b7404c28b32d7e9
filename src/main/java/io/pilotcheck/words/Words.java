package io.pilotcheck.words;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One set of words in both languages, by key: {@code Name.properties} (English) and
 * {@code Name_zh.properties} (Chinese). A word names its values ({@code {file}}), filled in from
 * pairs, each value as it is (a value is data: a {@code {name}} inside it is left alone). The
 * one reader of the project's bundles; {@code MessageBundlesTest} fails when a key lacks one
 * language.
 */
public final class Words {

    private final ResourceBundle en;
    private final ResourceBundle zh;

    private Words(String baseName) {
        this.en = ResourceBundle.getBundle(baseName, Locale.ROOT);
        this.zh = ResourceBundle.getBundle(baseName, Locale.CHINESE);
    }

    /** The words of the bundle {@code baseName} ({@code io.pilotcheck.cli.Messages}). */
    public static Words of(String baseName) {
        return new Words(baseName);
    }

    /** The word {@code key} in {@code lang}, its {@code {name}}s replaced by the values given in pairs. */
    public String get(String key, Language lang, Object... namesAndValues) {
        String word = (lang == Language.EN ? en : zh).getString(key);
        // most words have no values, and some are looked up once per finding: no substitutor for them
        return namesAndValues.length == 0 ? word : fill(word, namesAndValues);
    }

    /**
     * The Chinese translation {@code baseName_zh.properties} of texts whose English lives
     * elsewhere (picocli's help, in its annotations).
     */
    public static ResourceBundle chinese(String baseName) {
        return ResourceBundle.getBundle(baseName, Locale.CHINESE);
    }

    private static final java.util.regex.Pattern VALUE = java.util.regex.Pattern.compile("\\{(\\w+)}");

    /** {@code template} with each {@code {name}} replaced by the value paired with it ({@code "n", 3}); unknown names stay. */
    public static String fill(String template, Object... namesAndValues) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        java.util.regex.Matcher m = VALUE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        return m.appendTail(out).toString();
    }

    /** Every key, for a template that looks them up itself. */
    public java.util.Set<String> keys() {
        return en.keySet();
    }
}
