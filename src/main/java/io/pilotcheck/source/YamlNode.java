package io.pilotcheck.source;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written. The loader builds these from the streaming
 * parser instead of a plain tree, so every field a rule looks at can be reported at its line.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** Where the value starts. */
    SourceLocation location();

    /** A short English and Chinese name of the node's kind, for "expected X, found Y" messages. */
    String kindName();

    /** The kind of a scalar as the YAML parser resolved it. */
    enum ScalarKind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    /**
     * A single value.
     *
     * @param text the text as written (for {@code NULL}, empty or {@code ~})
     */
    record Scalar(ScalarKind kind, String text, SourceLocation location) implements YamlNode {
        @Override
        public String kindName() {
            return switch (kind) {
                case STRING -> "text";
                case INTEGER -> "integer";
                case FLOAT -> "number";
                case BOOLEAN -> "true/false";
                case NULL -> "null";
            };
        }
    }

    /**
     * A mapping; entries keep their order and the location of each key.
     *
     * @param entries key to entry, in file order
     */
    record Mapping(Map<String, Entry> entries, SourceLocation location) implements YamlNode {
        @Override
        public String kindName() {
            return "mapping";
        }
    }

    /** One key of a mapping, located at the key, with its value. */
    record Entry(String key, SourceLocation keyLocation, YamlNode value) {
    }

    /** A list. */
    record Sequence(List<YamlNode> items, SourceLocation location) implements YamlNode {
        @Override
        public String kindName() {
            return "list";
        }
    }
}
