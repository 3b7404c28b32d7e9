package io.pilotcheck.cli;

import io.pilotcheck.words.Language;
import io.pilotcheck.words.Words;


/**
 * The command line's own words, by key, in the run's language: {@code Messages.properties}
 * (English) and {@code Messages_zh.properties} (Chinese) beside this class. A message names its
 * values ({@code {file}}); {@link #say} fills them in. {@code MessageBundlesTest} fails when a key
 * lacks one language.
 */
final class Say {

    private static final Words WORDS = Words.of("io.pilotcheck.cli.Messages");

    private Say() {
    }

    /**
     * The message {@code key} in {@code lang}, its {@code {name}}s replaced by the values given
     * in pairs ({@code "file", path, "n", 3}).
     */
    static String say(Language lang, String key, Object... namesAndValues) {
        return WORDS.get(key, lang, namesAndValues);
    }
}
