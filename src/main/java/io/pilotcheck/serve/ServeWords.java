package io.pilotcheck.serve;

import io.pilotcheck.finding.Language;
import io.pilotcheck.finding.Placeholders;

import java.util.Locale;
import java.util.ResourceBundle;

/** The service's own words, by key: {@code Words.properties} (English) and {@code Words_zh.properties}. */
final class ServeWords {

    private static final ResourceBundle EN = ResourceBundle.getBundle("io.pilotcheck.serve.Words", Locale.ROOT);
    private static final ResourceBundle ZH = ResourceBundle.getBundle("io.pilotcheck.serve.Words", Locale.CHINESE);

    private ServeWords() {
    }

    static String word(String key, Language lang, Object... namesAndValues) {
        return Placeholders.fill((lang == Language.EN ? EN : ZH).getString(key), namesAndValues);
    }
}
