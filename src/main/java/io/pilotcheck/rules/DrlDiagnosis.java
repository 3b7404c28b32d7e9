package io.pilotcheck.rules;

import io.pilotcheck.failure.RootCause;
import io.pilotcheck.source.RuleInputException;

import io.pilotcheck.source.Suggestions;
import io.pilotcheck.source.SourceLocation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed Drools build into problems in the rule author's terms: the DRL file, the rule's
 * name, a line and column, and a "did you mean" where one helps, never a generated Java class.
 *
 * <p>The executable model reports some errors with no line (an unknown field), some only against
 * the Java it generates (a type mismatch), and sometimes throws instead of reporting. Those are
 * pinned down by compiling each file alone and then each of its rules alone, with the other rules
 * blanked out so that line numbers stay those of the author's file.
 */
final class DrlDiagnosis {

    private static final Pattern RULE_START = Pattern.compile("(?m)^[ \\t]*rule\\s+\"([^\"]+)\"");
    private static final Pattern RULE_END = Pattern.compile("(?m)^[ \\t]*end\\b.*$");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Unknown field (\\w+) on class ([\\w.$]+)");
    private static final Pattern UNKNOWN_CLASS = Pattern.compile("Unable to find class: ([\\w.$]+)");
    private static final Pattern LEFT_PART = Pattern.compile("Unable to parse left part of expression: (\\w+)");
    private static final Pattern IMPORT_FQN = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+\\.(\\w+))\\s*;");
    private static final Pattern METHOD = Pattern.compile("Method (\\w+) on class");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+[\\w.]+\\.(\\w+)\\s*;");
    /** The packages whose types rules import, where a misplaced import is looked for. */
    private static final List<String> RULE_PACKAGES = List.of("io.pilotcheck.facts", "io.pilotcheck.dossier",
            "io.pilotcheck.registry", "io.pilotcheck.rules", "io.pilotcheck.finding");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_][\\w]*\\.)+([A-Z]\\w*)");

    /** A rule's text inside its file. */
    record DrlRule(String name, int line, int start, int end) {
    }

    private DrlDiagnosis() {
    }

    /** Every problem of a failed build, located in the author's files. */
    static List<RuleInputException.Problem> problems(Path dir, Map<String, String> sources, DrlCompiler.Outcome failed) {
        Set<RuleInputException.Problem> out = new LinkedHashSet<>();
        Set<String> located = new TreeSet<>();
        for (DrlCompiler.Raw r : failed.errors()) {
            if (r.drl() != null && r.line() > 0 && sources.containsKey(r.drl())) {
                String text = sources.get(r.drl());
                String file = display(dir, r.drl());
                DrlRule rule = enclosing(text, r.line());
                SourceLocation where = new SourceLocation(file, r.line(), Math.max(1, r.column()));
                Optional<RuleInputException.Problem> consequence = rule == null ? Optional.empty()
                        : consequenceSyntax(file, text, rule, r.text());
                if (consequence.isPresent()) {
                    out.add(consequence.get());
                    located.add(r.drl());
                    continue;
                }
                if (rule != null && rule.line() == r.line()) {
                    // Drools named only the rule: find the offending word inside it.
                    where = at(file, text, text.substring(rule.start(), rule.end()), rule.start(), token(r.text()), where);
                }
                out.add(new RuleInputException.Problem(where,
                        (rule == null ? "" : inRule(rule)) + clean(r.text()) + hint(r.text(), text, where)));
                located.add(r.drl());
            }
        }
        boolean unlocated = failed.crash() != null
                || failed.errors().stream().anyMatch(r -> r.drl() == null || r.line() == 0);
        if (unlocated) {
            int before = out.size();
            sources.forEach((rel, text) -> {
                if (!located.contains(rel)) {
                    out.addAll(isolate(dir, rel, text));
                }
            });
            if (out.size() == before) {
                // Nothing fails alone: report what Drools said, as best it can be read.
                failed.errors().forEach(r -> out.add(new RuleInputException.Problem(
                        SourceLocation.startOf(r.drl() != null ? display(dir, r.drl()) : dir.toString()), clean(r.text()))));
                if (failed.crash() != null) {
                    out.add(new RuleInputException.Problem(SourceLocation.startOf(dir.toString()), crashText(failed.crash())));
                }
            }
        }
        return fold(out.stream().sorted(Comparator.comparing(RuleInputException.Problem::location)).toList(), dir, sources);
    }

    private static final Pattern MISSING_METHOD =
            Pattern.compile("Method (\\w+) on class (\\w+) with arguments \\[([^\\]]*)] is missing");
    private static final Pattern CONSEQUENCE =
            Pattern.compile("Unable to parse consequence caused by: \\(line (\\d+),\\s*col (\\d+)\\) Parse error\\. Found \"([^\"]*)\"(.*)");

    /**
     * One unknown method makes every expression built on it fail as well ("Method adopted on
     * class Object …"): the root is reported, in the author's terms and with the nearest method,
     * and the errors that follow from it on the same line are folded under it.
     */
    static List<RuleInputException.Problem> fold(List<RuleInputException.Problem> problems, Path dir,
                                                 Map<String, String> sources) {
        List<RuleInputException.Problem> out = new ArrayList<>();
        for (int i = 0; i < problems.size(); ) {
            int j = i;
            String key = problems.get(i).location().file() + ":" + problems.get(i).location().line();
            while (j < problems.size() && (problems.get(j).location().file() + ":" + problems.get(j).location().line()).equals(key)) {
                j++;
            }
            List<RuleInputException.Problem> line = problems.subList(i, j);
            List<RuleInputException.Problem> roots = new ArrayList<>();
            int knockOns = 0;
            for (RuleInputException.Problem p : line) {
                Matcher m = MISSING_METHOD.matcher(p.message());
                if (m.find() && (m.group(2).equals("Object") || m.group(3).contains("class Object"))) {
                    knockOns++;
                } else {
                    roots.add(p);
                }
            }
            if (roots.isEmpty() || knockOns == 0) {
                line.forEach(p -> out.add(rootText(p, sources, dir, 0)));
            } else {
                int folded = knockOns;
                roots.forEach(p -> out.add(rootText(p, sources, dir, folded)));
            }
            i = j;
        }
        return out;
    }

    /** "Method x on class C … is missing" as an author reads it, with the nearest method of C. */
    private static RuleInputException.Problem rootText(RuleInputException.Problem p, Map<String, String> sources,
                                                       Path dir, int folded) {
        Matcher m = MISSING_METHOD.matcher(p.message());
        if (!m.find()) {
            return p;
        }
        String text = sources.entrySet().stream().filter(e -> display(dir, e.getKey()).equals(p.location().file()))
                .map(Map.Entry::getValue).findFirst().orElse("");
        Set<String> methods = methods(m.group(2), text);
        List<String> near = Suggestions.closest(m.group(1), methods, 2);
        String said = m.group(2) + " has no method " + m.group(1) + "()"
                + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near.stream().map(n -> n + "()").toList()) + "?")
                + (folded == 0 ? "" : " (" + folded + " more error" + (folded == 1 ? "" : "s")
                        + " on this line follow from it and are not shown)");
        return new RuleInputException.Problem(p.location(), p.message().substring(0, m.start()) + said
                + p.message().substring(m.end()));
    }

    /** The public methods of a class the DRL imports, by simple name; none when it is not imported. */
    private static Set<String> methods(String simpleName, String drl) {
        Set<String> out = new TreeSet<>();
        Matcher imp = IMPORT_FQN.matcher(drl);
        while (imp.find()) {
            if (imp.group(2).equals(simpleName)) {
                try {
                    for (Method method : Class.forName(imp.group(1), false, DrlDiagnosis.class.getClassLoader()).getMethods()) {
                        if (method.getDeclaringClass() != Object.class) {
                            out.add(method.getName());
                        }
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not a class this build has: no suggestion
                }
            }
        }
        return out;
    }

    /**
     * A syntax error in a rule's consequence, which Drools locates inside the consequence text
     * with its lines' indentation taken off ("(line 2,col 56)"): put back at its place in the
     * file, with the one expected token worth naming instead of forty.
     */
    static Optional<RuleInputException.Problem> consequenceSyntax(String file, String text, DrlRule rule, String message) {
        Matcher m = CONSEQUENCE.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        String scope = text.substring(rule.start(), rule.end());
        Matcher then = Pattern.compile("(?m)^\\s*then\\b").matcher(scope);
        if (!then.find()) {
            return Optional.empty();
        }
        int thenLine = lineOf(text, rule.start() + then.start() + (scope.charAt(then.start()) == '\n' ? 1 : 0));
        int line = thenLine + Integer.parseInt(m.group(1)) - 1;
        String[] lines = text.split("\r?\n", -1);
        int column = Integer.parseInt(m.group(2));
        String found = m.group(3);
        if (line >= 1 && line <= lines.length) {
            String l = lines[line - 1];
            int indent = l.length() - l.stripLeading().length();
            int at = indent + column - 1;
            if (at >= l.length() || !l.startsWith(found, at)) {
                int search = l.indexOf(found, indent);
                at = search >= 0 ? search : Math.min(at, Math.max(0, l.length() - 1));
            }
            column = at + 1;
        } else {
            line = rule.line();
            column = 1;
        }
        String expected = m.group(4);
        String hint = expected.contains("\")\"") ? "; is a ')' missing before it?" : "";
        return Optional.of(new RuleInputException.Problem(new SourceLocation(file, line, column),
                inRule(rule) + "syntax error in the consequence: unexpected '" + found + "'" + hint));
    }

    private static List<RuleInputException.Problem> isolate(Path dir, String rel, String text) {
        DrlCompiler.Outcome alone = DrlCompiler.build(Map.of(rel, text));
        if (alone.ok()) {
            return List.of();
        }
        List<RuleInputException.Problem> out = new ArrayList<>();
        List<DrlRule> rules = rules(text);
        for (DrlRule rule : rules) {
            DrlCompiler.Outcome one = DrlCompiler.build(Map.of(rel, only(text, rule, rules)));
            if (!one.ok()) {
                out.addAll(describe(dir, rel, text, rule, one));
            }
        }
        if (out.isEmpty()) {
            out.addAll(describe(dir, rel, text, null, alone));
        }
        return out;
    }

    private static List<RuleInputException.Problem> describe(Path dir, String rel, String text, DrlRule rule,
                                                             DrlCompiler.Outcome o) {
        String file = display(dir, rel);
        String scope = rule == null ? text : text.substring(rule.start(), rule.end());
        int offset = rule == null ? 0 : rule.start();
        String prefix = rule == null ? "" : inRule(rule);
        SourceLocation fallback = new SourceLocation(file, rule == null ? 1 : rule.line(), 1);
        List<RuleInputException.Problem> out = new ArrayList<>();
        if (o.crash() != null) {
            String token = token(RootCause.described(o.crash()));
            out.add(new RuleInputException.Problem(at(file, text, scope, offset, token, fallback),
                    prefix + crashText(o.crash()) + " (a value of the wrong type in a constraint?)"));
            return out;
        }
        List<DrlCompiler.Raw> errors = o.errors();
        // An unknown class makes every expression using it fail too: report the cause alone.
        if (errors.stream().anyMatch(r -> r.text().startsWith("Unable to find class"))) {
            errors = errors.stream().filter(r -> r.text().startsWith("Unable to find class")).toList();
        }
        for (DrlCompiler.Raw r : errors) {
            SourceLocation where = r.drl() != null && r.line() > 0
                    ? new SourceLocation(file, r.line(), Math.max(1, r.column()))
                    : at(file, text, scope, offset, token(r.text()), fallback);
            out.add(new RuleInputException.Problem(where, prefix + clean(r.text()) + hint(r.text(), text, where)));
        }
        return out;
    }

    /** The word of an error message worth finding in the rule's text. */
    private static String token(String message) {
        Matcher m = UNKNOWN_FIELD.matcher(message);
        if (m.find()) {
            return m.group(1);
        }
        m = UNKNOWN_CLASS.matcher(message);
        if (m.find()) {
            String cls = m.group(1);
            return cls.substring(cls.lastIndexOf('.') + 1);
        }
        m = METHOD.matcher(message);
        if (m.find()) {
            return m.group(1);
        }
        m = LEFT_PART.matcher(message);
        if (m.find()) {
            return m.group(1);
        }
        m = QUOTED.matcher(message);
        return m.find() ? "\"" + m.group(1) + "\"" : null;
    }

    private static SourceLocation at(String file, String text, String scope, int offset, String token,
                                     SourceLocation fallback) {
        if (token == null) {
            return fallback;
        }
        Matcher m = Pattern.compile((Character.isLetter(token.charAt(0)) ? "\\b" : "") + Pattern.quote(token)
                + (Character.isLetter(token.charAt(token.length() - 1)) ? "\\b" : "")).matcher(scope);
        // Skip the metadata: a token in a message template is not the one the compiler meant.
        int from = scope.indexOf("\nwhen");
        if (!m.find(Math.max(0, from))) {
            return fallback;
        }
        int abs = offset + m.start();
        int line = lineOf(text, abs);
        int col = abs - text.lastIndexOf('\n', abs - 1);
        return new SourceLocation(file, line, col);
    }

    private static String hint(String message, String fileText, SourceLocation where) {
        Matcher m = UNKNOWN_FIELD.matcher(message);
        if (m.find()) {
            return nearest(m.group(1), properties(m.group(2)));
        }
        m = LEFT_PART.matcher(message);
        if (m.find()) {
            // Drools does not say which class: it is the pattern the word stands in, "Type( ... word".
            String type = patternType(fileText, where);
            return type == null ? "" : nearest(m.group(1), properties(type));
        }
        m = UNKNOWN_CLASS.matcher(message);
        if (m.find()) {
            Set<String> known = new TreeSet<>();
            Matcher imp = IMPORT.matcher(fileText);
            while (imp.find()) {
                known.add(imp.group(1));
            }
            String cls = m.group(1);
            String simple = cls.substring(cls.lastIndexOf('.') + 1);
            if (known.contains(simple)) {
                return brokenImport(simple, fileText);
            }
            List<String> near = Suggestions.closest(simple, known, 3);
            return near.isEmpty() ? " (is it imported?)" : "; did you mean " + String.join(", ", near) + "?";
        }
        return "";
    }

    /**
     * The hint for a class that is imported but does not exist under that name: most often an
     * import written before the facts the rules see moved to their own package.
     */
    private static String brokenImport(String simple, String fileText) {
        Matcher imp = IMPORT_FQN.matcher(fileText);
        while (imp.find()) {
            if (imp.group(2).equals(simple)) {
                int line = lineOf(fileText, imp.start(1));
                for (String pkg : RULE_PACKAGES) {
                    String fqn = pkg + "." + simple;
                    if (!fqn.equals(imp.group(1)) && loads(fqn)) {
                        return "; the import on line " + line + " names " + imp.group(1)
                                + ", which does not exist: write import " + fqn + ";";
                    }
                }
                return "; the import on line " + line + " names " + imp.group(1) + ", which does not exist";
            }
        }
        return "";
    }

    private static boolean loads(String fqn) {
        try {
            Class.forName(fqn, false, DrlDiagnosis.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String nearest(String wrong, Set<String> known) {
        List<String> near = Suggestions.closest(wrong, known, 3);
        return near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?";
    }

    /** The class of the pattern enclosing a position: the name before the nearest open parenthesis. */
    private static String patternType(String text, SourceLocation where) {
        int pos = offset(text, where);
        int depth = 0;
        for (int i = pos - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && depth-- == 0) {
                Matcher name = Pattern.compile("(\\w+)\\s*$").matcher(text.substring(Math.max(0, i - 80), i));
                if (!name.find()) {
                    return null;
                }
                Matcher imp = IMPORT_FQN.matcher(text);
                while (imp.find()) {
                    if (imp.group(2).equals(name.group(1))) {
                        return imp.group(1);
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static int offset(String text, SourceLocation where) {
        int pos = 0;
        for (int line = 1; line < where.line() && pos >= 0; line++) {
            pos = text.indexOf('\n', pos) + 1;
        }
        return Math.min(text.length(), Math.max(0, pos) + where.column() - 1);
    }

    /** The names a constraint can use on a class: record components and bean properties. */
    private static Set<String> properties(String className) {
        Set<String> out = new TreeSet<>();
        try {
            Class<?> c = Class.forName(className);
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    out.add(rc.getName());
                }
            }
            for (Method m : c.getMethods()) {
                if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && m.getDeclaringClass() != Object.class) {
                    String n = m.getName();
                    if (n.startsWith("get") && n.length() > 3) {
                        out.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
                    } else if (n.startsWith("is") && n.length() > 2) {
                        out.add(Character.toLowerCase(n.charAt(2)) + n.substring(3));
                    } else {
                        out.add(n);
                    }
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // No class to suggest from: the message stands without a hint.
        }
        return out;
    }

    /** The rules of a DRL text, each from its {@code rule} line to its {@code end} line. */
    static List<DrlRule> rules(String text) {
        List<DrlRule> out = new ArrayList<>();
        Matcher m = RULE_START.matcher(text);
        while (m.find()) {
            int start = m.start();
            Matcher e = RULE_END.matcher(text);
            int end = e.find(m.end()) ? e.end() : text.length();
            int line = lineOf(text, start);
            out.add(new DrlRule(m.group(1), line, start, end));
        }
        return out;
    }

    /** The text with every rule but {@code keep} blanked to newlines, so lines keep their numbers. */
    private static String only(String text, DrlRule keep, List<DrlRule> rules) {
        StringBuilder s = new StringBuilder(text);
        for (int i = rules.size() - 1; i >= 0; i--) {
            DrlRule r = rules.get(i);
            if (r != keep) {
                String blank = text.substring(r.start(), r.end()).replaceAll("[^\\n]", "");
                s.replace(r.start(), r.end(), blank);
            }
        }
        return s.toString();
    }

    private static DrlRule enclosing(String text, int line) {
        DrlRule found = null;
        for (DrlRule r : rules(text)) {
            if (r.line() <= line) {
                found = r;
            }
        }
        return found;
    }

    private static String inRule(DrlRule rule) {
        return "rule \"" + rule.name() + "\": ";
    }

    /** Drools's words without generated names: {@code _this.} and package-qualified class names. */
    private static String clean(String text) {
        return QUALIFIED.matcher(text.replace("_this.", "")).replaceAll("$1");
    }

    private static String crashText(RuntimeException e) {
        return "cannot be compiled: " + clean(RootCause.described(e));
    }

    /** The 1-based line of an offset in a text. */
    static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** How messages name a file of the rules folder: the folder as the user gave it, then the file. */
    static String display(Path dir, String rel) {
        return dir.resolve(rel).toString().replace('\\', '/');
    }
}
