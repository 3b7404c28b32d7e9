package io.pilotcheck.source;

import java.util.List;
import java.util.Optional;

/**
 * Test helper: a located YAML tree as text — every node's kind, text and place, keys in file
 * order — so two trees compare exactly (a {@code Map}'s own equality ignores order) and a
 * mismatch reads as a diff.
 */
public final class YamlTrees {

    private YamlTrees() {
    }

    /** The tree's rendering. */
    public static String render(YamlNode node) {
        StringBuilder out = new StringBuilder();
        render(node, "", out);
        return out.toString();
    }

    /**
     * What {@link YamlTreeReader#read} gives for {@code text} and what the general parser alone
     * gives, rendered with the problems; equal when the fast path told the truth.
     */
    public static List<String> bothPaths(YamlTreeReader reader, String text) {
        return List.of(outcome(text, reader, true), outcome(text, reader, false));
    }

    private static String outcome(String text, YamlTreeReader reader, boolean fast) {
        List<YamlProblem> problems = new java.util.ArrayList<>();
        Optional<YamlNode> root = fast ? reader.read("t.yaml", text, problems)
                : reader.readGeneral("t.yaml", text, problems);
        return root.map(YamlTrees::render).orElse("(none)\n") + problems;
    }

    private static void render(YamlNode node, String indent, StringBuilder out) {
        out.append(node.location().line()).append(':').append(node.location().column()).append(' ');
        if (node instanceof YamlNode.Scalar s) {
            out.append(s.kind()).append(" <").append(s.text()).append(">\n");
        } else if (node instanceof YamlNode.Sequence s) {
            out.append("seq\n");
            for (YamlNode item : s.items()) {
                out.append(indent).append("- ");
                render(item, indent + "  ", out);
            }
        } else if (node instanceof YamlNode.Mapping m) {
            out.append("map\n");
            for (YamlNode.Entry e : m.entries().values()) {
                out.append(indent).append(e.key()).append(" @").append(e.keyLocation().line()).append(':')
                        .append(e.keyLocation().column()).append(" = ");
                render(e.value(), indent + "  ", out);
            }
        }
    }
}
