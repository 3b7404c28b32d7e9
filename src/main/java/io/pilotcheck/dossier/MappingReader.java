package io.pilotcheck.dossier;

import io.pilotcheck.words.Language;

import static io.pilotcheck.finding.BuiltInChecks.BAD_DATE;
import static io.pilotcheck.finding.BuiltInChecks.NOT_LISTED;
import static io.pilotcheck.finding.BuiltInChecks.UNKNOWN_KEY;
import static io.pilotcheck.finding.BuiltInChecks.WRONG_TYPE;

import io.pilotcheck.source.Suggestions;

import io.pilotcheck.source.IsoDate;
import io.pilotcheck.source.ProblemWords;
import io.pilotcheck.source.SourceLocation;
import io.pilotcheck.source.YamlNode;
import io.pilotcheck.source.YamlNode.Scalar;
import io.pilotcheck.source.YamlNode.ScalarKind;
import io.pilotcheck.source.YamlProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed fields out of one YAML mapping, reporting each bad value as a problem at its
 * location instead of stopping at the first.
 *
 * <p>The reader remembers which keys were asked for; {@link #finish()} then reports every other
 * key as unknown, with the nearest asked-for key as a hint. So the set of known keys is exactly
 * the set the binder reads, and cannot drift from it.
 */
final class MappingReader {



    private final String path;
    private final Map<String, YamlNode.Entry> entries;
    private final SourceMap.Builder sources;
    private final List<YamlProblem> problems;
    private final Set<String> asked = new LinkedHashSet<>();

    MappingReader(String path, YamlNode.Mapping mapping, SourceMap.Builder sources,
                  List<YamlProblem> problems) {
        this.path = path;
        this.entries = mapping == null ? Map.of() : mapping.entries();
        this.sources = sources;
        this.problems = problems;
    }

    String string(String key) {
        Scalar s = scalar(key, "text", ScalarKind.STRING);
        return s == null ? null : s.text();
    }

    /** The earliest and latest year a dossier may name: "17" or "20017" is a typo, not a year. */
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;

    /** A calendar year: a whole number from {@link #FIRST_YEAR} to {@link #LAST_YEAR}. */
    Integer year(String key) {
        Integer y = integer(key);
        if (y != null && (y < FIRST_YEAR || y > LAST_YEAR)) {
            wrongType(key, (Scalar) entries.get(key).value(), "year", "from", FIRST_YEAR, "to", LAST_YEAR);
            return null;
        }
        return y;
    }

    Integer integer(String key) {
        Scalar s = scalar(key, "integer", ScalarKind.INTEGER);
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.text());
        } catch (NumberFormatException e) {
            wrongType(key, s, "integer");
            return null;
        }
    }

    Double number(String key) {
        Scalar s = scalar(key, "number", ScalarKind.INTEGER, ScalarKind.FLOAT);
        if (s == null) {
            return null;
        }
        try {
            return Double.valueOf(s.text());
        } catch (NumberFormatException e) {
            wrongType(key, s, "number");
            return null;
        }
    }

    /** The words for yes and no a form filled in Chinese (or English) puts where true/false belong. */
    private static final Set<String> YES_NO = Set.of("是", "否", "有", "无", "已", "未", "对", "错", "yes", "no", "y", "n");

    Boolean bool(String key) {
        YamlNode node = entries.containsKey(key) ? entries.get(key).value() : null;
        if (node instanceof Scalar w && w.kind() == ScalarKind.STRING
                && YES_NO.contains(w.text().strip().toLowerCase(java.util.Locale.ROOT))) {
            value(key);
            problem(WRONG_TYPE, childPath(key), w.location(), ProblemWords.zh("yesNo", "path", childPath(key), "text", w.text()),
                    ProblemWords.en("yesNo", "path", childPath(key), "text", w.text()));
            return null;
        }
        Scalar s = scalar(key, "boolean", ScalarKind.BOOLEAN);
        return s == null ? null : Boolean.valueOf(s.text().trim().toLowerCase(java.util.Locale.ROOT));
    }

    LocalDate date(String key) {
        Scalar s = scalar(key, "date", ScalarKind.STRING);
        if (s == null) {
            return null;
        }
        String text = s.text().trim();
        if (!IsoDate.hasShape(text)) {
            String fix = IsoDate.suggestion(text).orElse(null);
            if (fix != null) {
                // a usual Chinese shape of a real date: read as that date, and said (a warning, not an error)
                problem(io.pilotcheck.finding.BuiltInChecks.DATE_SHAPE, childPath(key), s.location(),
                        ProblemWords.zh("dateShapeRead", "text", text, "value", fix),
                        ProblemWords.en("dateShapeRead", "text", text, "value", fix));
                return LocalDate.parse(fix);
            }
            problem(BAD_DATE, childPath(key), s.location(),
                    ProblemWords.zh("dateShape", "text", text, "fix", fix == null ? "" : ProblemWords.zh("didYouMean", "value", fix)),
                    ProblemWords.en("dateShape", "text", text, "fix", fix == null ? "" : ProblemWords.en("didYouMean", "value", fix)));
            return null;
        }
        try {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        } catch (java.time.DateTimeException e) {
            problem(BAD_DATE, childPath(key), s.location(),
                    ProblemWords.zh("noSuchDate", "text", text), ProblemWords.en("noSuchDate", "text", text));
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (text.charAt(i) - '0');
        }
        return n;
    }

    /** A list of words each from {@code allowed}; absent gives an empty list. */
    List<String> enumList(String key, List<String> allowed) {
        List<String> out = new ArrayList<>();
        for (Item item : items(key)) {
            if (item.node() instanceof Scalar s && s.kind() == ScalarKind.STRING) {
                String v = s.text();
                if (allowed.contains(v)) {
                    out.add(v);
                } else {
                    notListed(item.path(), s, allowed);
                }
            } else {
                wrongTypeAt(item.path(), item.node(), "word");
            }
        }
        return List.copyOf(out);
    }

    /** A word from {@code allowed}, or null. */
    String enumValue(String key, List<String> allowed) {
        String v = string(key);
        if (v != null && !allowed.contains(v)) {
            notListed(childPath(key), (Scalar) entries.get(key).value(), allowed);
            return null;
        }
        return v;
    }

    /** A nested mapping's reader; absent gives a reader over nothing, so its fields read as null. */
    MappingReader mapping(String key) {
        YamlNode node = value(key);
        if (node == null || node instanceof YamlNode.Mapping) {
            return new MappingReader(childPath(key), (YamlNode.Mapping) node, sources, problems);
        }
        if (!isNull(node)) {
            notAMapping(childPath(key), node);
        }
        return new MappingReader(childPath(key), null, sources, problems);
    }

    /** Readers for a list of mappings. */
    List<MappingReader> mappings(String key) {
        List<MappingReader> out = new ArrayList<>();
        for (Item item : items(key)) {
            if (item.node() instanceof YamlNode.Mapping m) {
                out.add(new MappingReader(item.path(), m, sources, problems));
            } else {
                notAMapping(item.path(), item.node());
            }
        }
        return out;
    }

    /** Reports every key that no one asked for; call once all fields are read. */
    void finish() {
        for (YamlNode.Entry e : entries.values()) {
            if (!asked.contains(e.key())) {
                Optional<String> meant = e.key().codePoints().anyMatch(c -> c > 0x2E7F)
                        ? KeyLabels.keyFor(e.key(), asked) : Optional.empty();
                if (meant.isPresent()) {
                    // 城市: 大连市 — a key written in Chinese, as a form would have it
                    problem(UNKNOWN_KEY, childPath(e.key()), e.keyLocation(),
                            ProblemWords.zh("chineseKey", "key", e.key(), "known", meant.get(), "label", KeyLabels.label(meant.get())),
                            ProblemWords.en("chineseKey", "key", e.key(), "known", meant.get(), "label", KeyLabels.label(meant.get())));
                    continue;
                }
                List<String> hint = Suggestions.closest(e.key(), asked, 1);
                problem(UNKNOWN_KEY, childPath(e.key()), e.keyLocation(), unknownKey(e.key(), hint, Language.ZH), unknownKey(e.key(), hint, Language.EN));
            }
        }
    }

    /** Whether the mapping holds the key. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Whether the mapping gives the key a value: written, and not left empty. */
    boolean given(String key) {
        YamlNode.Entry e = entries.get(key);
        return e != null && !isNull(e.value());
    }

    String path() {
        return path;
    }

    private record Item(String path, YamlNode node) {
    }

    private List<Item> items(String key) {
        YamlNode node = value(key);
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence seq)) {
            wrongTypeAt(childPath(key), node, "list");
            return List.of();
        }
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            String p = childPath(key) + "[" + i + "]";
            sources.put(p, seq.items().get(i).location());
            out.add(new Item(p, seq.items().get(i)));
        }
        return out;
    }

    private Scalar scalar(String key, String type, ScalarKind... kinds) {
        YamlNode node = value(key);
        if (node == null || isNull(node)) {
            return null;
        }
        if (node instanceof Scalar s) {
            for (ScalarKind k : kinds) {
                if (s.kind() == k) {
                    return s;
                }
            }
        }
        wrongTypeAt(childPath(key), node, type);
        return null;
    }

    private YamlNode value(String key) {
        asked.add(key);
        YamlNode.Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (isNull(e.value())) {
            sources.putEmpty(childPath(key), e.keyLocation());
        } else {
            sources.put(childPath(key), e.value() instanceof YamlNode.Mapping ? e.keyLocation() : e.value().location());
        }
        return e.value();
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof Scalar s && s.kind() == ScalarKind.NULL;
    }

    private void notListed(String at, Scalar s, List<String> allowed) {
        List<String> hint = Suggestions.closest(s.text(), allowed, 1);
        problem(NOT_LISTED, at, s.location(), notListed(s.text(), allowed, hint, Language.ZH), notListed(s.text(), allowed, hint, Language.EN));
    }

    /** The problem of a key the mapping does not know, in one language. */
    private String unknownKey(String key, List<String> hint, Language lang) {
        return words(lang, "unknownKey", "key", key,
                "where", path.isEmpty() ? "" : words(lang, "unknownKeyWhere", "path", path),
                "hint", hint.isEmpty() ? "" : words(lang, "hintQuoted", "hint", hint.get(0)));
    }

    /** The problem of a value not among those allowed, in one language. */
    private static String notListed(String value, List<String> allowed, List<String> hint, Language lang) {
        return words(lang, "notListed", "value", value, "allowed", String.join(words(lang, "listSeparator"), allowed),
                "hint", hint.isEmpty() ? "" : words(lang, "hintQuoted", "hint", hint.get(0)));
    }

    private static String words(Language lang, String key, Object... namesAndValues) {
        return ProblemWords.in(lang, key, namesAndValues);
    }

    /** A key followed by a full-width colon, where a mapping was expected: {@code adopted： 2017-01-01}. */
    private static final java.util.regex.Pattern FULL_WIDTH_KEY = java.util.regex.Pattern.compile("^([A-Za-z_]\\w*)\\s*：");

    /**
     * Text where a mapping belongs. Written {@code key： value} with a Chinese input method's
     * colon, it is the colon that is wrong, so that is what the problem names, where it is.
     */
    private void notAMapping(String at, YamlNode node) {
        if (node instanceof Scalar s && s.location().line() > 0) {
            java.util.regex.Matcher m = FULL_WIDTH_KEY.matcher(s.text());
            if (m.find()) {
                String key = m.group(1);
                SourceLocation where = s.location().inSheet() ? s.location() : new SourceLocation(s.location().file(),
                        s.location().line(), s.location().column() + s.text().indexOf('：'));
                problem(WRONG_TYPE, at, where, ProblemWords.zh("fullwidthColon", "key", key),
                        ProblemWords.en("fullwidthColon", "key", key));
                return;
            }
        }
        wrongTypeAt(at, node, "mapping");
    }

    /** A value of another type than {@code type} ({@code type.NAME} in {@code Problems.properties}) asks for. */
    private void wrongType(String key, YamlNode node, String type, Object... namesAndValues) {
        wrongTypeAt(childPath(key), node, type, namesAndValues);
    }

    private void wrongTypeAt(String at, YamlNode node, String type, Object... namesAndValues) {
        String expectedZh = ProblemWords.zh("type." + type, namesAndValues);
        String found = node instanceof Scalar s ? "“" + s.text() + "”" : node.kindName();
        String foundEn = node instanceof Scalar s ? "'" + s.text() + "' (" + s.kindName() + ")" : "a " + node.kindName();
        problem(WRONG_TYPE, at, node.location(),
                // a space between Chinese and a Latin word, as Chinese typesetting has it: 应为 true 或 false
                ProblemWords.zh("wrongType", "at", at, "expected", (expectedZh.matches("[A-Za-z0-9].*") ? " " : "") + expectedZh,
                        "found", found),
                ProblemWords.en("wrongType", "at", at, "expected", ProblemWords.en("type." + type, namesAndValues), "found", foundEn));
    }

    private void problem(String id, String at, SourceLocation where, String zh, String en) {
        problems.add(new YamlProblem(id, zh, en, at, where));
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
