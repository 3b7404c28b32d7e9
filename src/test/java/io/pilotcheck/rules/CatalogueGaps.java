package io.pilotcheck.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares the requirements catalogue ({@code requirements.md}) with the rules' metadata and the
 * tests, and lists every gap at once: a test that stops at the first gap makes a rule author fix
 * them one build at a time.
 */
public final class CatalogueGaps {

    /** One catalogue row: the id, its severity's first word, and its clause ("—" when none). */
    public record Row(String id, String severity, String clause) {
    }

    private static final Pattern ROW = Pattern.compile("^\\|\\s*(LCP-[A-Z]+-\\d{2})\\s*\\|(.*)\\|\\s*$");
    private static final List<String> REQUIRED = List.of("title_zh", "title_en", "notice", "message_zh", "message_en");

    private CatalogueGaps() {
    }

    /** The rows of a catalogue in Markdown tables; rows with three cells have no clause. */
    public static Map<String, Row> catalogue(String markdown) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : markdown.split("\n")) {
            Matcher m = ROW.matcher(line.trim());
            if (m.matches()) {
                String[] cells = m.group(2).split("\\|");
                String severity = cells[0].trim().split("[\\s/]+")[0];
                String clause = cells.length >= 3 ? cells[1].trim() : "—";
                rows.put(m.group(1), new Row(m.group(1), severity, clause));
            }
        }
        return rows;
    }

    /**
     * Every gap between the catalogue, the rules and the test sources: catalogue ids without a
     * rule or with more than one, rules whose severity or clause differs from their row, rules
     * missing a title, the notice's words or a message in either language, message variants
     * written in one language only, rules outside the catalogue, and rule ids no test names.
     */
    static List<String> of(Map<String, Row> catalogue, List<RuleInfo> rules, String testSources) {
        List<String> gaps = new ArrayList<>();
        Map<String, List<RuleInfo>> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        for (Row row : catalogue.values()) {
            List<RuleInfo> found = byId.getOrDefault(row.id(), List.of());
            if (found.isEmpty()) {
                gaps.add(row.id() + ": in the catalogue, but no rule has this @id");
            } else if (found.size() > 1) {
                gaps.add(row.id() + ": " + found.size() + " rules have this @id: "
                        + found.stream().map(RuleInfo::name).toList());
            }
            for (RuleInfo r : found) {
                if (!r.severity().id().equals(row.severity())) {
                    gaps.add(row.id() + ": @severity is " + r.severity().id() + ", the catalogue says " + row.severity());
                }
                if (!r.clause().equals(row.clause())) {
                    gaps.add(row.id() + ": @clause is '" + r.clause() + "', the catalogue says '" + row.clause() + "'");
                }
            }
        }
        for (RuleInfo r : rules) {
            String who = (r.id() == null || r.id().isBlank() ? r.name() : r.id()) + " (" + r.file() + ")";
            if (!catalogue.containsKey(r.id())) {
                gaps.add(who + ": not in the catalogue");
            }
            for (String key : REQUIRED) {
                if (r.meta().getOrDefault(key, "").isBlank()) {
                    gaps.add(who + ": no @" + key);
                }
            }
            Set<String> variants = new TreeSet<>();
            r.meta().keySet().stream().filter(k -> k.startsWith("message_") && (k.endsWith("_zh") || k.endsWith("_en")))
                    .forEach(k -> variants.add(k.substring(0, k.length() - 3)));
            for (String v : variants) {
                if (!r.meta().containsKey(v + "_zh") || !r.meta().containsKey(v + "_en")) {
                    gaps.add(who + ": @" + v + " is written in one language only");
                }
            }
            if (r.id() != null && !Pattern.compile("(?<![\\w-])" + Pattern.quote(r.id()) + "(?!\\d)").matcher(testSources).find()) {
                gaps.add(who + ": no rule test names " + r.id());
            }
        }
        return gaps;
    }

    /**
     * The text of the rule tests under some folders, for the "has a test" check: Java rule test
     * classes ({@code *RulesTest.java}) and YAML rule test cases (but not their shared dossiers);
     * other tests that merely mention an id do not count.
     */
    static String sources(Path... dirs) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(CatalogueGaps::isRuleTest).sorted().toList()) {
                    all.append(Files.readString(f)).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static boolean isRuleTest(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith("RulesTest.java")
                || name.endsWith(".yaml") && p.getParent() != null && p.getParent().getFileName().toString().equals("tests");
    }
}
