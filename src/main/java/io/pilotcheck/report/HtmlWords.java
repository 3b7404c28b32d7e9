package io.pilotcheck.report;

import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;

import java.util.Map;

/**
 * The fixed words of the HTML report in the reader's language (the {@code html.*} report words),
 * handed to the template as {@code t}.
 */
final class HtmlWords {

    private final Language lang;

    HtmlWords(Language lang) {
        this.lang = lang;
    }

    /** Every word of the page by key (without its {@code html.}), for the template. */
    Map<String, String> all() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String key : ReportWords.keys()) {
            if (key.startsWith("html.")) {
                out.put(key.substring("html.".length()), ReportWords.word(key, lang));
            }
        }
        return out;
    }

    String get(String key) {
        return ReportWords.word("html." + key, lang);
    }

    String severity(Severity s) {
        return ReportWords.severity(s, lang);
    }
}
