package io.pilotcheck.cli;

import io.pilotcheck.words.Language;
import picocli.CommandLine;

/**
 * A value on the command line that cannot be used, said in both languages: a converter cannot
 * know which one the run will speak, since {@code --lang} is parsed with the rest.
 */
final class UsageProblem extends CommandLine.TypeConversionException {

    private static final long serialVersionUID = 1L;

    private final String zh;

    UsageProblem(String zh, String en) {
        super(en);
        this.zh = zh;
    }

    /** The problem in {@code lang}. */
    String in(Language lang) {
        return lang == Language.EN ? getMessage() : zh;
    }
}
