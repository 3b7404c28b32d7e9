package io.pilotcheck.finding;

import io.pilotcheck.words.Language;
import io.pilotcheck.words.Words;

import io.pilotcheck.source.YamlTreeReader;


import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks that are not DRL rules, in one place: the loader's (LCP-SCHEMA-01..09; the YAML reader's own three are defined beside it, in {@code source}) and the
 * engine's (a rule that failed), with their titles, so reports that describe every id they use
 * (SARIF, HTML, xlsx) can describe these too.
 */
public final class BuiltInChecks {

    /** A file that is not valid YAML. */
    public static final String SYNTAX = YamlTreeReader.SYNTAX;
    /** A key the format does not have. */
    public static final String UNKNOWN_KEY = "LCP-SCHEMA-02";
    /** A value of the wrong type. */
    public static final String WRONG_TYPE = "LCP-SCHEMA-03";
    /** A value outside the allowed ones. */
    public static final String NOT_LISTED = "LCP-SCHEMA-04";
    /** A date that is not a date. */
    public static final String BAD_DATE = "LCP-SCHEMA-05";
    /** A key written twice in one mapping. */
    public static final String DUPLICATE_KEY = YamlTreeReader.DUPLICATE_KEY;
    /** An alias, anchor or tag. */
    public static final String FORBIDDEN_FEATURE = YamlTreeReader.FORBIDDEN_FEATURE;
    /** A required field that is missing. */
    public static final String MISSING_REQUIRED = "LCP-SCHEMA-08";

    /** A dossier file that cannot be read, or is not UTF-8 text. */
    public static final String UNREADABLE = "LCP-SCHEMA-09";

    /** A rule that failed while evaluating a dossier, or fired in a loop. */
    public static final String RULE_FAILED = "LCP-ENGINE-01";

    /**
     * A date written in another usual shape (2017年3月1日, 2017/3/1, 2017.3.1): read as that date,
     * with this warning (docs/spec/entry.md), so that the check goes on.
     */
    public static final String DATE_SHAPE = "LCP-SCHEMA-10";

    /** The loader's checks that warn but do not stop a dossier from being checked. */
    public static final java.util.Set<String> WARNINGS = java.util.Set.of(DATE_SHAPE);

    /** The titles' words ({@code Words.properties} beside this class), keyed by each id's constant's name. */
    private static final Words WORDS = Words.of("io.pilotcheck.finding.Words");

    private static final Map<String, Message> TITLES = new LinkedHashMap<>();

    static {
        title(SYNTAX, "SYNTAX");
        title(UNKNOWN_KEY, "UNKNOWN_KEY");
        title(WRONG_TYPE, "WRONG_TYPE");
        title(NOT_LISTED, "NOT_LISTED");
        title(BAD_DATE, "BAD_DATE");
        title(DUPLICATE_KEY, "DUPLICATE_KEY");
        title(FORBIDDEN_FEATURE, "FORBIDDEN_FEATURE");
        title(MISSING_REQUIRED, "MISSING_REQUIRED");
        title(UNREADABLE, "UNREADABLE");
        title(DATE_SHAPE, "DATE_SHAPE");
        title(RULE_FAILED, "RULE_FAILED");
    }

    private static void title(String id, String key) {
        TITLES.put(id, new Message(WORDS.get("title." + key, Language.ZH), WORDS.get("title." + key, Language.EN)));
    }

    private BuiltInChecks() {
    }

    /** Every built-in check's id, in catalogue order. */
    public static java.util.List<String> ids() {
        return java.util.List.copyOf(TITLES.keySet());
    }

    /** The title of a built-in check, or null when {@code id} is not one. */
    public static Message title(String id) {
        return TITLES.get(id);
    }
}
