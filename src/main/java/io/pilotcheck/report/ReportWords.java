package io.pilotcheck.report;

import io.pilotcheck.words.Language;
import io.pilotcheck.words.Words;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import io.pilotcheck.finding.WaiverUse;


/**
 * The reports' fixed words in the reader's language, by key, from {@code Words.properties}
 * (English) and {@code Words_zh.properties} (Chinese) beside this class. In English a severity,
 * verdict or waiver status is its id, as the JSON report writes it.
 */
public final class ReportWords {

    private static final Words WORDS = Words.of("io.pilotcheck.report.Words");

    private ReportWords() {
    }

    /** The word {@code key} in {@code lang}. */
    public static String word(String key, Language lang) {
        return WORDS.get(key, lang);
    }

    /**
     * The word {@code key} in {@code lang}, its {@code {name}}s replaced by the values given in
     * pairs ({@code "n", 3, "severity", "violation"}).
     */
    public static String word(String key, Language lang, Object... namesAndValues) {
        return WORDS.get(key, lang, namesAndValues);
    }

    /** Every key of the words, for a template that looks them up itself. */
    static java.util.Set<String> keys() {
        return WORDS.keys();
    }

    /**
     * The notice's clause as a reader of {@code lang} reads it: in Chinese, {@code 二（四）, annex}
     * is {@code 二（四）、附件}; in English the clause numbers stay as the notice writes them.
     */
    public static String clause(String clause, Language lang) {
        if (lang != Language.ZH || clause == null) {
            return clause;
        }
        // a report writes one a finding, of a dozen clauses: each worded once
        return CHINESE_CLAUSES.computeIfAbsent(clause, c -> c.replace(", ", "、").replace("annex", word("clause.annex", Language.ZH)));
    }

    private static final java.util.Map<String, String> CHINESE_CLAUSES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A severity's name in {@code lang}. */
    public static String severity(Severity s, Language lang) {
        return word("severity." + s.id(), lang);
    }

    /** A verdict's name: {@code non_compliant} / 不合规. */
    public static String verdict(Verdict v, Language lang) {
        return word("verdict." + v.id(), lang);
    }

    /** A waiver's status: {@code applied} / 已生效. */
    public static String waiverStatus(WaiverUse.Status s, Language lang) {
        return word("waiver." + s.id(), lang);
    }

}
