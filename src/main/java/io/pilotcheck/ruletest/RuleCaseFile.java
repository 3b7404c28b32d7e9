package io.pilotcheck.ruletest;

import io.pilotcheck.source.RuleInputException;

import io.pilotcheck.source.Suggestions;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.source.RuleInputException.Problem;
import io.pilotcheck.source.CollectingYaml;
import io.pilotcheck.source.SourceLocation;
import io.pilotcheck.source.YamlNode;
import io.pilotcheck.source.YamlProblem;
import io.pilotcheck.source.YamlTreeReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one rule test file into cases. Strict like the dossier loader: an unknown key, a rule id
 * no rule has, or a dossier path that does not exist is a located problem, because a misspelt
 * {@code none:} id would otherwise pass forever.
 *
 * <pre>
 * dossier: dossiers/dalian.yaml     # default for the cases: a path (from this file), or inline
 * as_of: 2020-06-30                 # default evaluation date
 * cases:
 *   - name: the plan is adopted late
 *     edits:                        # optional text edits of the dossier
 *       - {replace: "adopted: 2017-08-01", with: "adopted: 2018-03-01"}
 *     expect:
 *       - {rule: LCP-PLAN-01, severity: violation, count: 1, line: 11, message: 逾期}
 *     none: [LCP-PLAN-02]
 *     only: true                    # no other findings allowed
 * </pre>
 */
public final class RuleCaseFile {

    private static final List<String> FILE_KEYS = List.of("description", "dossier", "as_of", "cases");
    private static final List<String> CASE_KEYS = List.of("name", "dossier", "as_of", "edits", "expect", "none", "only");
    private static final List<String> EDIT_KEYS = List.of("replace", "with");
    private static final List<String> EXPECT_KEYS = List.of("rule", "severity", "count", "line", "message");

    private final Path file;
    private final String display;
    private final String text;
    private final Set<String> knownIds;
    private final List<Problem> problems;
    private final CollectingYaml yaml;
    private List<SourceLocation> allLocations;

    private RuleCaseFile(Path file, String display, String text, Set<String> knownIds, List<Problem> problems) {
        this.file = file;
        this.display = display;
        this.text = text;
        this.knownIds = knownIds;
        this.problems = problems;
        this.yaml = new CollectingYaml(problems);
    }

    /**
     * Reads a test file.
     *
     * @param display  how messages and inline dossiers name the file
     * @param knownIds the rule ids cases may name
     * @param problems where every problem of the file is added
     * @return the cases; empty when the file has problems
     */
    public static List<RuleCase> read(Path file, String display, Set<String> knownIds, List<Problem> problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(SourceLocation.startOf(display), "cannot read the test file: " + e.getMessage()));
            return List.of();
        }
        int before = problems.size();
        List<RuleCase> cases = new RuleCaseFile(file, display, text, knownIds, problems).cases();
        return problems.size() == before ? cases : List.of();
    }

    private List<RuleCase> cases() {
        List<YamlProblem> yamlProblems = new ArrayList<>();
        Optional<YamlNode> root = new YamlTreeReader().read(display, text, yamlProblems);
        yamlProblems.forEach(p -> problems.add(new Problem(p.location(), p.messageEn())));
        if (root.isEmpty()) {
            return List.of();
        }
        allLocations = new ArrayList<>();
        collectLocations(root.get(), allLocations);
        Map<String, YamlNode.Entry> top = yaml.mapping(root.get(), FILE_KEYS, "a rule test file");
        if (top == null) {
            return List.of();
        }
        YamlNode.Entry defaultEntry = top.get("dossier");
        // Read once: a shared dossier that is missing is one problem, not one per case.
        Default defaults = new Default(defaultEntry != null, defaultEntry == null ? null : dossier(defaultEntry.value()));
        LocalDate defaultAsOf = top.containsKey("as_of") ? yaml.date(top.get("as_of").value(), "as_of") : null;
        YamlNode.Entry cases = top.get("cases");
        if (cases == null) {
            problems.add(new Problem(root.get().location(), "a rule test file needs 'cases:', a list of cases"));
            return List.of();
        }
        if (!(cases.value() instanceof YamlNode.Sequence list)) {
            problems.add(new Problem(cases.value().location(), "'cases' must be a list of cases"));
            return List.of();
        }
        List<RuleCase> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            RuleCase c = oneCase(item, out.size() + 1, defaults, defaultAsOf);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The file's default dossier: whether one is given, and its text when it could be read. */
    private record Default(boolean given, RuleCase.CaseDossier dossier) {
    }

    private RuleCase oneCase(YamlNode node, int number, Default defaults, LocalDate defaultAsOf) {
        Map<String, YamlNode.Entry> m = yaml.mapping(node, CASE_KEYS, "a case");
        if (m == null) {
            return null;
        }
        String name = m.containsKey("name") ? yaml.scalar(m.get("name").value(), "a case name") : "case " + number;
        if (!m.containsKey("dossier") && !defaults.given()) {
            problems.add(new Problem(node.location(), "case '" + name
                    + "' has no dossier: give 'dossier:' (a path or an inline mapping) here or at the top of the file"));
            return null;
        }
        RuleCase.CaseDossier dossier = m.containsKey("dossier") ? dossier(m.get("dossier").value()) : defaults.dossier();
        LocalDate asOf = m.containsKey("as_of") ? yaml.date(m.get("as_of").value(), "as_of") : defaultAsOf;
        List<Expectation> expect = new ArrayList<>();
        if (m.containsKey("expect")) {
            for (YamlNode e : yaml.items(m.get("expect").value(), "'expect'")) {
                Expectation x = expectation(e);
                if (x != null) {
                    expect.add(x);
                }
            }
        }
        List<String> none = new ArrayList<>();
        if (m.containsKey("none")) {
            for (YamlNode id : yaml.items(m.get("none").value(), "'none'")) {
                String s = yaml.scalar(id, "a rule id");
                if (s != null && known(s, id.location())) {
                    none.add(s);
                }
            }
        }
        if (expect.isEmpty() && none.isEmpty() && !m.containsKey("expect") && !m.containsKey("none")) {
            problems.add(new Problem(node.location(), "case '" + name + "' asserts nothing: add 'expect:' or 'none:'"));
        }
        boolean only = m.containsKey("only") && "true".equals(yaml.scalar(m.get("only").value(), "true or false"));
        String broken = null;
        if (dossier != null && m.containsKey("edits")) {
            String edited = dossier.text();
            for (YamlNode e : yaml.items(m.get("edits").value(), "'edits'")) {
                Map<String, YamlNode.Entry> edit = yaml.mapping(e, EDIT_KEYS, "an edit");
                if (edit == null || !edit.containsKey("replace") || !edit.containsKey("with")) {
                    problems.add(new Problem(e.location(), "an edit is {replace: TEXT, with: TEXT}"));
                    continue;
                }
                String from = yaml.scalar(edit.get("replace").value(), "the text to replace");
                String to = edit.get("with").value() instanceof YamlNode.Scalar s ? s.text() : null;
                if (from == null || from.isEmpty() || to == null) {
                    continue;
                }
                if (!edited.contains(from)) {
                    broken = display + ":" + e.location().line() + ": the edit found nothing to replace: \"" + from + "\"";
                } else {
                    edited = edited.replace(from, to);
                }
            }
            dossier = new RuleCase.CaseDossier(dossier.name(), edited);
        }
        return new RuleCase(name, node.location(), dossier, asOf, expect, none, only, broken);
    }

    private Expectation expectation(YamlNode node) {
        Map<String, YamlNode.Entry> m = yaml.mapping(node, EXPECT_KEYS, "an expected finding");
        if (m == null) {
            return null;
        }
        if (!m.containsKey("rule") || !m.containsKey("severity")) {
            problems.add(new Problem(node.location(), "an expected finding needs 'rule' and 'severity'"));
            return null;
        }
        String rule = yaml.scalar(m.get("rule").value(), "a rule id");
        if (rule == null || !known(rule, m.get("rule").value().location())) {
            return null;
        }
        String sev = yaml.scalar(m.get("severity").value(), "a severity");
        Severity severity = sev == null ? null : Severity.fromId(sev);
        if (sev != null && severity == null) {
            problems.add(new Problem(m.get("severity").value().location(),
                    "severity '" + sev + "' is not one of pending, warning, violation, error"));
        }
        Integer count = m.containsKey("count") ? yaml.integer(m.get("count").value(), "count") : null;
        Integer line = m.containsKey("line") ? yaml.integer(m.get("line").value(), "line") : null;
        String message = m.containsKey("message") ? yaml.scalar(m.get("message").value(), "message text") : null;
        return severity == null ? null : new Expectation(rule, severity, count, line, message, node.location());
    }

    private boolean known(String id, SourceLocation at) {
        if (knownIds.contains(id)) {
            return true;
        }
        List<String> near = Suggestions.closest(id, knownIds, 3);
        problems.add(new Problem(at, "no rule has id '" + id + "'"
                + (near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)")));
        return false;
    }

    /** A path (from this file's folder) or an inline mapping. */
    private RuleCase.CaseDossier dossier(YamlNode node) {
        if (node instanceof YamlNode.Mapping) {
            return new RuleCase.CaseDossier(display, InlineText.of(text, node.location(), next(node)));
        }
        String path = yaml.scalar(node, "a dossier path or an inline dossier");
        if (path == null) {
            return null;
        }
        Path target = file.resolveSibling(path).normalize();
        try {
            return new RuleCase.CaseDossier(target.toString().replace('\\', '/'),
                    Files.readString(target, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(new Problem(node.location(), "cannot read the dossier " + target + " ("
                    + e.getClass().getSimpleName() + "); paths are relative to the test file"));
            return null;
        }
    }

    /** The first place in the file after {@code node} and everything inside it, or null at the end. */
    private SourceLocation next(YamlNode node) {
        List<SourceLocation> inside = new ArrayList<>();
        collectLocations(node, inside);
        SourceLocation last = inside.stream().max(SourceLocation::compareTo).orElse(node.location());
        return allLocations.stream().filter(l -> l.compareTo(last) > 0).min(SourceLocation::compareTo).orElse(null);
    }

    private static void collectLocations(YamlNode node, List<SourceLocation> out) {
        out.add(node.location());
        if (node instanceof YamlNode.Mapping m) {
            m.entries().values().forEach(e -> {
                out.add(e.keyLocation());
                collectLocations(e.value(), out);
            });
        } else if (node instanceof YamlNode.Sequence s) {
            s.items().forEach(i -> collectLocations(i, out));
        }
    }
}
