package io.pilotcheck.finding;

import io.pilotcheck.words.Language;

/** A message in both of the report languages: Chinese (the default) and English. */
public record Message(String zh, String en) {

    /** The text in the given language. */
    public String in(Language lang) {
        return lang == Language.EN ? en : zh;
    }
}
