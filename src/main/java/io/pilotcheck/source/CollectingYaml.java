package io.pilotcheck.source;

import io.pilotcheck.source.RuleInputException.Problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Typed access to a rule author's YAML file (a rule test file, a waivers file) that notes every
 * problem, located, and goes on, so the author sees all of a file's mistakes in one run.
 * {@link RuleYaml} is its strict sibling for inputs a run cannot start without; the dossier has
 * its own reader with its own checks.
 */
public final class CollectingYaml {

    private final List<Problem> problems;

    /** A reader adding its problems to {@code problems}. */
    public CollectingYaml(List<Problem> problems) {
        this.problems = problems;
    }

    /** Notes a problem of the caller's own. */
    public void problem(SourceLocation where, String message) {
        problems.add(new Problem(where, message));
    }

    /**
     * The entries of a mapping, each key outside {@code allowed} noted as unknown with the nearest
     * allowed key; {@code null} when the node is not a mapping.
     */
    public Map<String, YamlNode.Entry> mapping(YamlNode node, List<String> allowed, String what) {
        if (!(node instanceof YamlNode.Mapping m)) {
            problem(node.location(), what + " must be a mapping (key: value), found " + node.kindName());
            return null;
        }
        for (YamlNode.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                List<String> near = Suggestions.closest(e.key(), allowed, 2);
                problem(e.keyLocation(), "unknown key '" + e.key() + "' in " + what
                        + (near.isEmpty() ? "; known keys: " + String.join(", ", allowed)
                                : " (did you mean " + String.join(", ", near) + "?)"));
            }
        }
        return m.entries();
    }

    /** A list's items; none when the node is not a list. */
    public List<YamlNode> items(YamlNode node, String what) {
        if (node instanceof YamlNode.Sequence s) {
            return s.items();
        }
        problem(node.location(), what + " must be a list, found " + node.kindName());
        return List.of();
    }

    /** A scalar's text as written; {@code null} when empty or not a scalar. */
    public String scalar(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.NULL) {
            return s.text();
        }
        problem(node.location(), "expected " + what + ", found " + node.kindName());
        return null;
    }

    /** A scalar's text, trimmed, that must not be empty; {@code null} otherwise. */
    public String text(YamlNode.Mapping m, String key, String what) {
        YamlNode.Entry e = m.entries().get(key);
        if (e == null) {
            problem(m.location(), what + " lacks '" + key + "'");
            return null;
        }
        if (!(e.value() instanceof YamlNode.Scalar s)) {
            problem(e.value().location(), key + " in " + what + " should be text, found " + e.value().kindName());
            return null;
        }
        String text = s.kind() == YamlNode.ScalarKind.NULL ? "" : s.text().trim();
        if (text.isEmpty()) {
            problem(e.value().location(), key + " in " + what + " should not be empty");
            return null;
        }
        return text;
    }

    /** A whole number; {@code null} when it is not one. */
    public Integer integer(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.INTEGER) {
            return Integer.valueOf(s.text());
        }
        problem(node.location(), "'" + what + "' must be a whole number, found " + node.kindName());
        return null;
    }

    /** A date written YYYY-MM-DD; {@code null} when it is not one. */
    public LocalDate date(YamlNode node, String what) {
        String s = scalar(node, what + ", a date YYYY-MM-DD");
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problem(node.location(), what + " should be a date YYYY-MM-DD, found '" + s + "'");
            return null;
        }
    }
}
