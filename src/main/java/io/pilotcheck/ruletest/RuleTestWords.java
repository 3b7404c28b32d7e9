package io.pilotcheck.ruletest;

import io.pilotcheck.words.Language;
import io.pilotcheck.words.Words;

/** The words of rule tests' results and coverage ({@code Words.properties} beside this package's classes). */
final class RuleTestWords {

    private static final Words WORDS = Words.of("io.pilotcheck.ruletest.Words");

    private RuleTestWords() {
    }

    static String word(String key, Language lang, Object... namesAndValues) {
        return WORDS.get(key, lang, namesAndValues);
    }
}
