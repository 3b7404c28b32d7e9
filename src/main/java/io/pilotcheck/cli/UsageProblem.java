package io.pilotcheck.cli;

import io.pilotcheck.words.Language;
import picocli.CommandLine;

/**
 * A value on the command line that cannot be used, said in both languages: a converter cannot
 * know which one the run will speak, since {@code --lang} is parsed with the rest.
 */
final class UsageProblem extends CommandLine.TypeConversionException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] values;

    /** The problem the command line's message {@code key} says, its {@code {name}}s filled from the pairs given. */
    UsageProblem(String key, Object... namesAndValues) {
        super(say(Language.EN, key, namesAndValues));
        this.key = key;
        this.values = namesAndValues.clone();
    }

    /** The problem in {@code lang}. */
    String in(Language lang) {
        return say(lang, key, values);
    }

    /** The message, a list among the values joined as {@code lang} lists things. */
    private static String say(Language lang, String key, Object[] namesAndValues) {
        Object[] shown = namesAndValues.clone();
        for (int i = 1; i < shown.length; i += 2) {
            if (shown[i] instanceof java.util.List<?> list) {
                shown[i] = String.join(Say.say(lang, "listSeparator"), list.stream().map(String::valueOf).toList());
            }
        }
        return Say.say(lang, key, shown);
    }
}
