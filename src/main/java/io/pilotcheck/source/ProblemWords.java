package io.pilotcheck.source;

import io.pilotcheck.words.Language;
import io.pilotcheck.words.Words;


/**
 * The words of the problems found reading a dossier, by key, in both languages at once (a
 * problem carries both; the report picks one): {@code Problems.properties} (English) and
 * {@code Problems_zh.properties} (Chinese) beside this class.
 */
public final class ProblemWords {

    private static final Words WORDS = Words.of("io.pilotcheck.source.Problems");

    private ProblemWords() {
    }

    /** The words of {@code key} in {@code lang}, its {@code {name}}s filled from the pairs given. */
    public static String in(Language lang, String key, Object... namesAndValues) {
        return WORDS.get(key, lang, namesAndValues);
    }

    /** The Chinese words of {@code key}, its {@code {name}}s filled from the pairs given. */
    public static String zh(String key, Object... namesAndValues) {
        return in(Language.ZH, key, namesAndValues);
    }

    /** The English words of {@code key}, its {@code {name}}s filled from the pairs given. */
    public static String en(String key, Object... namesAndValues) {
        return in(Language.EN, key, namesAndValues);
    }
}
