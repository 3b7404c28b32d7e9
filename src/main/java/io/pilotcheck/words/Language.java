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

    /** The language's tag in an HTML {@code lang} attribute: {@code zh-CN}, {@code en}. */
    public String tag() {
        return this == ZH ? "zh-CN" : "en";
    }

    /** The other language: where a page links to itself in it. */
    public Language other() {
        return this == ZH ? EN : ZH;
    }
}
