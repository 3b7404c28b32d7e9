package io.pilotcheck.source;

import io.pilotcheck.source.SourceLocation;
import io.pilotcheck.source.YamlNode;
import io.pilotcheck.source.YamlProblem;
import io.pilotcheck.source.YamlTreeReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Strict access to the YAML rule inputs ({@code params.yaml}, {@code pilot-cities.yaml}): any
 * problem is a {@link RuleInputException} located in the author's file, since a run cannot go on
 * with half a registry.
 */
public final class RuleYaml {

    private RuleYaml() {
    }

    /** Reads a whole rule-input file into a located tree. */
    public static YamlNode read(Path file, String name) throws RuleInputException {
        return parse(bytes(file, name), name);
    }

    /** A rule-input file's bytes; {@code name} is how messages name it. */
    public static byte[] bytes(Path file, String name) throws RuleInputException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    /** A rule-input file's bytes (strict UTF-8) as a located tree. */
    public static YamlNode parse(byte[] bytes, String name) throws RuleInputException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw cannotRead(name, e);
        }
        List<YamlProblem> problems = new ArrayList<>();
        Optional<YamlNode> root = new YamlTreeReader().read(name, text, problems);
        if (!problems.isEmpty()) {
            List<RuleInputException.Problem> out = new ArrayList<>();
            for (YamlProblem p : problems) {
                out.add(new RuleInputException.Problem(p.location(), p.messageEn()));
            }
            throw new RuleInputException(out);
        }
        return root.orElseThrow();
    }

    private static RuleInputException cannotRead(String name, IOException e) {
        return new RuleInputException(SourceLocation.startOf(name), "cannot read " + name + ": " + e.getMessage());
    }

    /** The node as a mapping, or a located error naming what was expected. */
    public static YamlNode.Mapping mapping(YamlNode node, String what) throws RuleInputException {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        throw new RuleInputException(node.location(), what + " should be a mapping, found " + node.kindName());
    }

    /** The node as a list, or a located error. */
    public static List<YamlNode> list(YamlNode node, String what) throws RuleInputException {
        if (node instanceof YamlNode.Sequence s) {
            return s.items();
        }
        throw new RuleInputException(node.location(), what + " should be a list, found " + node.kindName());
    }

    /** A required entry of a mapping. */
    public static YamlNode required(YamlNode.Mapping m, String key, String what) throws RuleInputException {
        YamlNode.Entry e = m.entries().get(key);
        if (e == null) {
            throw new RuleInputException(m.location(), what + " lacks '" + key + "'");
        }
        return e.value();
    }

    /** A required text entry (numbers are accepted as their text: {@code peak: 2025}). */
    public static String text(YamlNode.Mapping m, String key, String what) throws RuleInputException {
        YamlNode v = required(m, key, what);
        if (v instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.NULL) {
            return s.text();
        }
        throw new RuleInputException(v.location(), what + "." + key + " should be text, found " + v.kindName());
    }

    /** A required whole-number entry. */
    public static int integer(YamlNode.Mapping m, String key, String what) throws RuleInputException {
        YamlNode v = required(m, key, what);
        if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.INTEGER) {
            return Integer.parseInt(s.text());
        }
        throw new RuleInputException(v.location(), what + "." + key + " should be a whole number, found "
                + v.kindName());
    }

    /** A required true/false entry. */
    public static boolean bool(YamlNode.Mapping m, String key, String what) throws RuleInputException {
        YamlNode v = required(m, key, what);
        if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.BOOLEAN) {
            return Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
        }
        throw new RuleInputException(v.location(), what + "." + key + " should be true or false, found "
                + v.kindName());
    }
}
