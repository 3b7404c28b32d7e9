package io.pilotcheck.diff;

import io.pilotcheck.finding.Severity;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two JSON reports ({@code cli-and-report.md}), dossier by dossier, for the
 * reviewer who checks every quarter. A finding is identified by its dossier file, rule and path,
 * not its line: editing a dossier moves lines without changing what is wrong. A day count in a
 * message ({@code 已逾期 912 天}, {@code 91 days late}) grows every quarter by itself, so it is
 * not a change. Among findings of one identity, pairs are made in three passes: same severity,
 * waiver and message (unchanged); then the same numbers in the message other than day counts, so
 * "2019 report pending" pairs with "2019 report missing" but not with "2017 report missing"
 * (changed); then a lone finding on each side (changed). The rest is new or resolved.
 */
public final class ReportDiff {

    /** One finding as a report holds it. */
    public record Item(String rule, String severity, String path, String message, int line, boolean waived) {

        String key() {
            return rule + "\u0000" + path;
        }

        boolean sameState(Item o, boolean compareMessages) {
            return severity.equals(o.severity) && waived == o.waived
                    && (compareMessages ? withoutDayCounts(message).equals(withoutDayCounts(o.message))
                    : numbers().equals(o.numbers()));
        }

        /** The numbers of the message other than day counts: years, dates, focus numbers. */
        List<String> numbers() {
            List<String> out = new ArrayList<>();
            java.util.regex.Matcher m = NUMBER.matcher(withoutDayCounts(message));
            while (m.find()) {
                out.add(m.group());
            }
            return out;
        }
    }

    /** A finding in both reports whose state differs. */
    public record Change(Item before, Item after) {
    }

    /**
     * One dossier's changes.
     *
     * @param file       the dossier file
     * @param city       its city (from the new report, else the old)
     * @param verdictOld the old verdict, or null when the dossier is new
     * @param verdictNew the new verdict, or null when it is gone
     */
    public record DossierDiff(String file, String city, String verdictOld, String verdictNew,
                              List<Item> added, List<Item> resolved, List<Change> changed) {

        /** Whether anything about the dossier changed. */
        public boolean changedAtAll() {
            return !added.isEmpty() || !resolved.isEmpty() || !changed.isEmpty() || !Objects.equals(verdictOld, verdictNew);
        }
    }

    /**
     * The whole comparison.
     *
     * @param asOfOld          the old report's evaluation date
     * @param asOfNew          the new report's
     * @param messagesCompared false when the reports are in different languages
     * @param dossiers         every dossier in either report, by file
     */
    public record Result(String asOfOld, String asOfNew, boolean messagesCompared, List<DossierDiff> dossiers) {

        /** Totals over all dossiers: new, resolved, changed. */
        public int[] totals() {
            int[] t = new int[3];
            for (DossierDiff d : dossiers) {
                t[0] += d.added().size();
                t[1] += d.resolved().size();
                t[2] += d.changed().size();
            }
            return t;
        }

        /**
         * Whether the newer report is worse: a finding no waiver accepts is new, or one's severity
         * rose, or it lost its waiver. {@code pilotcheck diff} exits 1 then.
         */
        public boolean worse() {
            for (DossierDiff d : dossiers) {
                if (d.added().stream().anyMatch(i -> !i.waived())) {
                    return true;
                }
                for (Change c : d.changed()) {
                    if (!c.after().waived() && (c.before().waived() || rank(c.after()) > rank(c.before()))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** A severity's place in {@link Severity}'s order, lowest first; -1 for an id no severity has. */
        private static int rank(Item i) {
            Severity s = Severity.fromId(i.severity());
            return s == null ? -1 : s.ordinal();
        }
    }

    private static final java.util.regex.Pattern DAY_COUNT = java.util.regex.Pattern.compile("\\d+(?= ?天| days?\\b)");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");

    private ReportDiff() {
    }

    private static String withoutDayCounts(String message) {
        return DAY_COUNT.matcher(message).replaceAll("#");
    }

    /** Compares two reports. */
    public static Result compare(JsonNode old, JsonNode neu) {
        boolean sameLang = old.path("lang").asText("zh").equals(neu.path("lang").asText("zh"));
        Map<String, JsonNode> before = byFile(old);
        Map<String, JsonNode> after = byFile(neu);
        TreeSet<String> files = new TreeSet<>(before.keySet());
        files.addAll(after.keySet());
        List<DossierDiff> out = new ArrayList<>();
        for (String file : files) {
            JsonNode b = before.get(file);
            JsonNode a = after.get(file);
            out.add(dossier(file, b, a, sameLang));
        }
        return new Result(old.path("as_of").asText(""), neu.path("as_of").asText(""), sameLang, out);
    }

    /**
     * Compares one dossier as two reports hold it, whatever each file was called: a pilot's
     * dossier in one submission against its dossier in the one before.
     */
    public static DossierDiff compareDossier(JsonNode before, JsonNode after) {
        return dossier(after != null ? after.path("file").asText() : before.path("file").asText(), before, after, true);
    }

    /**
     * Compares one dossier's results as the JSON report in {@code lang} would show them, without
     * rendering it: the same answer as {@link #compareDossier(JsonNode, JsonNode)} on those reports.
     */
    public static DossierDiff compareDossier(io.pilotcheck.finding.DossierResult before,
                                             io.pilotcheck.finding.DossierResult after,
                                             io.pilotcheck.words.Language lang) {
        io.pilotcheck.finding.DossierResult shown = after != null ? after : before;
        return diff(shown.file(), shown.city() == null ? "" : shown.city(),
                before == null ? null : before.verdict().id(), after == null ? null : after.verdict().id(),
                grouped(before, lang), grouped(after, lang), true);
    }

    private static Map<String, List<Item>> grouped(io.pilotcheck.finding.DossierResult dossier,
                                                    io.pilotcheck.words.Language lang) {
        Map<String, List<Item>> out = new LinkedHashMap<>();
        if (dossier == null) {
            return out;
        }
        for (io.pilotcheck.finding.Finding f : dossier.findings()) {
            Item i = new Item(f.ruleId(), f.severity().id(), f.path(), f.message().in(lang), f.location().line(), f.waived());
            out.computeIfAbsent(i.key(), k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    private static DossierDiff dossier(String file, JsonNode b, JsonNode a, boolean compareMessages) {
        String city = a != null ? a.path("city").asText("") : b.path("city").asText("");
        return diff(file, city, b == null ? null : b.path("verdict").asText(), a == null ? null : a.path("verdict").asText(),
                grouped(b), grouped(a), compareMessages);
    }

    private static DossierDiff diff(String file, String city, String verdictOld, String verdictNew,
                                    Map<String, List<Item>> oldByKey, Map<String, List<Item>> newByKey,
                                    boolean compareMessages) {
        List<Item> added = new ArrayList<>();
        List<Item> resolved = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(oldByKey.keySet());
        keys.addAll(newByKey.keySet());
        for (String key : keys) {
            List<Item> olds = new ArrayList<>(oldByKey.getOrDefault(key, List.of()));
            List<Item> news = new ArrayList<>(newByKey.getOrDefault(key, List.of()));
            pair(olds, news, (o, n) -> o.sameState(n, compareMessages), null);
            pair(olds, news, (o, n) -> o.numbers().equals(n.numbers()), changed);
            if (olds.size() == 1 && news.size() == 1) {
                changed.add(new Change(olds.remove(0), news.remove(0)));
            }
            resolved.addAll(olds);
            added.addAll(news);
        }
        return new DossierDiff(file, city, verdictOld, verdictNew, added, resolved, changed);
    }

    /** Removes the pairs that {@code match}, in order, adding them to {@code changes} unless it is null. */
    private static void pair(List<Item> olds, List<Item> news, java.util.function.BiPredicate<Item, Item> match,
                             List<Change> changes) {
        for (Iterator<Item> it = news.iterator(); it.hasNext(); ) {
            Item n = it.next();
            for (Iterator<Item> ot = olds.iterator(); ot.hasNext(); ) {
                Item o = ot.next();
                if (match.test(o, n)) {
                    ot.remove();
                    it.remove();
                    if (changes != null) {
                        changes.add(new Change(o, n));
                    }
                    break;
                }
            }
        }
    }

    private static Map<String, JsonNode> byFile(JsonNode report) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode d : report.path("dossiers")) {
            out.put(d.path("file").asText(), d);
        }
        return out;
    }

    private static Map<String, List<Item>> grouped(JsonNode dossier) {
        Map<String, List<Item>> out = new LinkedHashMap<>();
        if (dossier == null) {
            return out;
        }
        for (JsonNode f : dossier.path("findings")) {
            Item i = new Item(f.path("rule").asText(), f.path("severity").asText(), f.path("path").asText(),
                    f.path("message").asText(), f.path("line").asInt(), f.has("waiver"));
            out.computeIfAbsent(i.key(), k -> new ArrayList<>()).add(i);
        }
        return out;
    }
}
