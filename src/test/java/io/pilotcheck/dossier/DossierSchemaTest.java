package io.pilotcheck.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.TestRules;
import io.pilotcheck.source.YamlProblem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped JSON Schema and the loader describe the same format: no key in one is unknown to the other. */
class DossierSchemaTest {

    private final JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of("docs/dossier.schema.json")));

    DossierSchemaTest() throws IOException {
    }

    @Test
    void everySchemaKeyIsAcceptedByTheLoader() {
        StringBuilder yaml = new StringBuilder();
        write(schema, 0, yaml);
        LoadedDossier d = TestRules.load(yaml.toString());
        assertThat(d.problems()).extracting(YamlProblem::messageEn).isEmpty();
    }

    @Test
    void everyKeyOfTheSpecExampleIsInTheSchema() throws IOException {
        String spec = Files.readString(Path.of("docs/spec/dossier-format.md"));
        String example = spec.substring(spec.indexOf("```yaml") + 7, spec.indexOf("```", spec.indexOf("```yaml") + 7));
        List<String> missing = new ArrayList<>();
        for (String line : example.lines().toList()) {
            String t = line.strip().replaceFirst("^- ", "");
            if (t.isEmpty() || t.startsWith("#") || !t.contains(":")) {
                continue;
            }
            String key = t.startsWith("{") ? null : t.substring(0, t.indexOf(':')).trim();
            if (key != null && !schema.toString().contains("\"" + key + "\"")) {
                missing.add(key);
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Writes one sample value for every property, as YAML. */
    private static void write(JsonNode obj, int indent, StringBuilder out) {
        Iterator<Map.Entry<String, JsonNode>> it = obj.get("properties").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String pad = " ".repeat(indent);
            JsonNode p = e.getValue();
            String type = p.path("type").asText("");
            if (type.equals("object")) {
                out.append(pad).append(e.getKey()).append(":\n");
                write(p, indent + 2, out);
            } else if (type.equals("array") && p.path("items").has("properties")) {
                out.append(pad).append(e.getKey()).append(":\n").append(pad).append("  - _: 0\n");
                int at = out.lastIndexOf("_: 0\n");
                out.delete(at, out.length());
                StringBuilder item = new StringBuilder();
                write(p.get("items"), indent + 4, item);
                out.append(item.substring(indent + 4));
            } else {
                out.append(pad).append(e.getKey()).append(": ").append(sample(e.getKey(), p)).append('\n');
            }
        }
    }

    private static String sample(String key, JsonNode p) {
        if (p.has("const")) {
            return p.get("const").asText();
        }
        if (p.path("type").asText().equals("array")) {
            return "[" + p.get("items").get("enum").get(0).asText() + "]";
        }
        if (p.has("enum")) {
            return p.get("enum").get(0).asText();
        }
        String ref = p.path("$ref").asText("");
        if (ref.endsWith("date")) {
            return "2018-01-15";
        }
        if (ref.endsWith("year")) {
            return "2018";
        }
        return switch (p.path("type").asText()) {
            case "boolean" -> "true";
            case "integer" -> "3";
            case "number" -> "4.5";
            default -> key.equals("city") ? "大连市" : "文本";
        };
    }
}
