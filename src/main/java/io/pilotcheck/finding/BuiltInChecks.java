package io.pilotcheck.finding;

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

    private static final Map<String, Message> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put(SYNTAX, new Message("文件不是有效的 YAML", "the file is not valid YAML"));
        TITLES.put(UNKNOWN_KEY, new Message("未知字段", "an unknown field"));
        TITLES.put(WRONG_TYPE, new Message("字段类型错误", "a field has the wrong type"));
        TITLES.put(NOT_LISTED, new Message("取值不在允许范围内", "a value is not one of those allowed"));
        TITLES.put(BAD_DATE, new Message("日期无效", "a date is not a valid date"));
        TITLES.put(DUPLICATE_KEY, new Message("键重复", "a key is duplicated"));
        TITLES.put(FORBIDDEN_FEATURE, new Message("使用了不允许的 YAML 特性（别名、标签）",
                "a YAML feature that is not allowed (alias, tag)"));
        TITLES.put(MISSING_REQUIRED, new Message("缺少必填字段", "a required field is missing"));
        TITLES.put(UNREADABLE, new Message("文件无法读取", "the file cannot be read"));
        TITLES.put(RULE_FAILED, new Message("规则执行失败", "a rule failed while checking the dossier"));
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
