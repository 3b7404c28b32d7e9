package io.pilotcheck.words;

import java.util.Locale;

/** Report language: Chinese is the default, as the notice and its reviewers are Chinese. */
public enum Language {
    /** 中文. */
    ZH,
    /** English. */
    EN;

    /** The lower-case code used on the command line ({@code --lang zh}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
