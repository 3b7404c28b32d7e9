package io.pilotcheck.finding;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One set of words in both languages, by key: {@code Name.properties} (English) and
 * {@code Name_zh.properties} (Chinese). A word names its values ({@code {file}}), filled in from
 * pairs. {@code MessageBundlesTest} fails when a key lacks one language.
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
        return namesAndValues.length == 0 ? word : Placeholders.fill(word, namesAndValues);
    }

    /** Every key, for a template that looks them up itself. */
    public java.util.Set<String> keys() {
        return en.keySet();
    }
}
