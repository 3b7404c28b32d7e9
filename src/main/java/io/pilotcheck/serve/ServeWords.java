package io.pilotcheck.serve;

import io.pilotcheck.words.Language;
import io.pilotcheck.words.Words;


/** The service's own words, by key: {@code Words.properties} (English) and {@code Words_zh.properties}. */
final class ServeWords {

    private static final Words WORDS = Words.of("io.pilotcheck.serve.Words");

    private ServeWords() {
    }

    static String word(String key, Language lang, Object... namesAndValues) {
        return WORDS.get(key, lang, namesAndValues);
    }
}
