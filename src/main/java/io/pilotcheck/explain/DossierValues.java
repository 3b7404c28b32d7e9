package io.pilotcheck.explain;

import io.pilotcheck.source.SourceLocation;
import io.pilotcheck.source.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every value of a dossier by its path, as written, with where it was written: what
 * {@code explain --finding} shows a reviewer.
 */
final class DossierValues {

    /**
     * One written value.
     *
     * @param path     e.g. {@code annual_reports[1].submitted}
     * @param text     the value as written; lists of scalars as {@code [a, b]}
     * @param location where it stands
     */
    record Value(String path, String text, SourceLocation location) {
    }

    private final Map<String, Value> byPath = new LinkedHashMap<>();

    DossierValues(YamlNode root) {
        walk(root, "");
    }

    /**
     * The written values matching a path pattern ({@code [*]} for any item), in file order; for a
     * pattern nothing matches, empty.
     */
    List<Value> matching(String pattern) {
        Pattern p = Pattern.compile(Pattern.quote(pattern).replace("[*]", "\\E\\[\\d+]\\Q"));
        List<Value> out = new ArrayList<>();
        byPath.values().stream().filter(v -> p.matcher(v.path()).matches()).forEach(out::add);
        return out;
    }

    private void walk(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar s) {
            put(path, s.text(), s.location());
        } else if (node instanceof YamlNode.Mapping m) {
            if (!path.isEmpty()) {
                put(path, "{" + String.join(", ", m.entries().values().stream()
                        .map(e -> e.key() + ": " + (e.value() instanceof YamlNode.Scalar s ? s.text() : "…")).toList()) + "}",
                        m.location());
            }
            m.entries().values().forEach(e -> walk(e.value(), path.isEmpty() ? e.key() : path + "." + e.key()));
        } else if (node instanceof YamlNode.Sequence q) {
            if (q.items().stream().allMatch(i -> i instanceof YamlNode.Scalar)) {
                put(path, "[" + String.join(", ", q.items().stream().map(i -> ((YamlNode.Scalar) i).text()).toList())
                        + "]", q.location());
            } else {
                put(path, "[" + q.items().size() + (q.items().size() == 1 ? " entry]" : " entries]"), q.location());
            }
            for (int i = 0; i < q.items().size(); i++) {
                walk(q.items().get(i), path + "[" + i + "]");
            }
        }
    }

    private void put(String path, String text, SourceLocation at) {
        byPath.put(path, new Value(path, text, at));
    }
}
