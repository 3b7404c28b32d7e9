package io.pilotcheck.cli;

import io.pilotcheck.words.Language;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The language of the help and of usage errors, known before the command line is parsed (the
 * parse may fail; its error must already speak the reader's language): {@code --lang} when the
 * arguments give it, else English for an English locale, else Chinese, pilotcheck's default.
 */
final class HelpLanguage {

    private HelpLanguage() {
    }

    /** The language {@code args} and the environment ask for. */
    static Language of(String[] args, Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lang") && i + 1 < args.length) {
                return parse(args[i + 1]);
            }
            if (a.startsWith("--lang=")) {
                return parse(a.substring("--lang=".length()));
            }
        }
        // POSIX order: LC_ALL, then LC_MESSAGES, then LANG; C and POSIX say nothing of a language
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return v.toLowerCase(Locale.ROOT).startsWith("en") ? Language.EN : Language.ZH;
            }
        }
        // Windows sets none of them; its display language is the JVM's default locale
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return windows && Locale.getDefault().getLanguage().equals("en") ? Language.EN : Language.ZH;
    }

    /** The help texts' translations for {@code lang}; null for English, which the annotations hold. */
    static ResourceBundle bundle(Language lang) {
        return lang == Language.EN ? null : io.pilotcheck.words.Words.chinese("io.pilotcheck.cli.Help");
    }

    private static Language parse(String value) {
        return value.equalsIgnoreCase("en") ? Language.EN : Language.ZH;
    }
}
