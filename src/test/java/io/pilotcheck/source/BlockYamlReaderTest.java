package io.pilotcheck.source;

import io.pilotcheck.generate.DossierGenerator;
import io.pilotcheck.registry.PilotRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast block-style reader against SnakeYAML: whatever it accepts must come out as the very
 * same located tree (kinds, texts, lines, columns, key order), and it must accept the dossiers
 * people actually write, or it buys nothing.
 */
class BlockYamlReaderTest {

    private static final YamlTreeReader READER = new YamlTreeReader();

    @Test
    void everyYamlFileInTheRepositoryReadsTheSameBothWays() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int files = 0;
        for (Path root : List.of(Path.of("fixtures"), Path.of("rules"), Path.of("src/test/resources"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    String text = utf8(Files.readAllBytes(p));
                    if (text == null) {
                        continue;
                    }
                    files++;
                    List<String> both = YamlTrees.bothPaths(READER, text);
                    if (!both.get(0).equals(both.get(1))) {
                        mismatches.add(p + "\nfast:\n" + both.get(0) + "\ngeneral:\n" + both.get(1));
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(50);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyFixtureDossierTakesTheFastPath() throws IOException {
        List<String> declined = new ArrayList<>();
        try (Stream<Path> list = Files.list(Path.of("fixtures"))) {
            for (Path p : list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                if (BlockYamlReader.read("f", Files.readString(p), 64) == null) {
                    declined.add(p.getFileName().toString());
                }
            }
        }
        assertThat(declined).isEmpty();
    }

    @Test
    void generatedDossiersTakeTheFastPathAndAgree() {
        DossierGenerator generator = new DossierGenerator(registry(), 7);
        for (long i = 0; i < 300; i++) {
            takenAndReadAsSnakeYamlReadsIt(generator.yaml(i));
        }
    }

    /** Shapes the fast path takes: each must also read exactly as SnakeYAML reads it. */
    @Test
    void acceptedShapesMatchSnakeYaml() {
        List<String> accepted = List.of(
                "a: 1\n",
                "a: 1",
                "a: 1\r\nb:\r\n  c: x\r\n",
                "a:\n- x\n- y\nb: 2\n",
                "a:\n  - x\n  -   y   # note\n",
                "a:\n  - k: 1\n    j:\n    l: [p, q]\n  - k: 2\nb: ~\n",
                "a: [ x , y ]   # c\nb: []\nc: {}\nd: {k: 1, j: two words, l: 1.5}\n",
                "a: -5\nb: -0.25\nc: 0\nd: 12345678901234567890\n",
                "a: yes\nb: No\nc: off\nd: null\ne: NULL\nf: ~\ng: 2017-02-30\nh: 1e3x\n",
                "a: http://x.org/a#b\nb: x:y\nc: a [b] {c}, d\nd: 中文：说明 # 注释\n",
                "# only a comment first\n\na:    # comment after the colon\n  b: 1\n\n# trailing\n",
                "a:\n  b:\n    c:\n      d: deep\ne: 1\n",
                "- not: a root mapping\n".substring(2),
                "a:\n- k: 1\n  j:\n  - z\n- m\n",
                "a: 'q'\nb: \"q\"  # c\nc: \"03-31\"\nd: 'yes'\ne:\n  - \"x: y # z\"\n  - '\"'\nf: \"'\"\n",
                "内蒙古: {full: 内蒙古自治区, en: Inner Mongolia}\n黑龙江:\n  - 逊克县\n");
        accepted.forEach(BlockYamlReaderTest::takenAndReadAsSnakeYamlReadsIt);
    }

    private static void takenAndReadAsSnakeYamlReadsIt(String text) {
        assertThat(BlockYamlReader.read("t.yaml", text, 64)).as("declined:\n%s", text).isNotNull();
        List<String> both = YamlTrees.bothPaths(READER, text);
        assertThat(both.get(0)).as("for:\n%s", text).isEqualTo(both.get(1));
    }

    /** Shapes left to SnakeYAML: quoting, block scalars, continuation lines, odd numbers, errors. */
    @Test
    void everythingElseIsDeclined() {
        List<String> declined = List.of(
                "", "# only\n", "a: \"x\\\"y\"\n", "a: \"x\\ty\"\n", "a: 'it''s'\n", "a: ''\n", "a: \"\"\n",
                "a: \"x\" y\n", "a: \"x\n", "a: \"x\"# c\n", "a: \"x\n  y\"\n", "\"a\": 1\n", "a: [\"x\"]\n", "a: |\n  x\n", "a: >\n  x\n",
                "a: one\n  two\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a:\tb\n", "\ta: 1\n",
                "a: 1\na: 2\n", "a: 0x1F\n", "a: 017\n", "a: 1_000\n", "a: +1\n", "a: 1:20\n", "a: .5\n",
                "a: .inf\n", "---\na: 1\n", "a: 1\n...\n", "a: b: c\n", "a: [x,\n  y]\n", "a: [x, [y]]\n",
                "a: [x, ]\n", "a: {k: }\n", "a: {k: 1, k: 2}\n", "- x\n", "x\n", "  a: 1\n", "a: 1\n  b: 2\n",
                "a:\n  - x\n  b: 1\n", "a: x\rb: y\n", "a: x\u2028b: y\n", "a: \u0085\n", "a: 1\n- x\n",
                "a:\n  -\n    b: 1\n", "a:\n  - - x\n", "? a\n: 1\n", "a : 1\n", "a:1\n", "\"a\": 1\n",
                "a: [x]# c\n", "a: -\n", "a: @x\n", "a: `x`\n", "a: %x\n", "a: \uD83D\uDE00\n");
        for (String text : declined) {
            assertThat(BlockYamlReader.read("t.yaml", text, 64)).as("accepted:\n%s", text).isNull();
        }
    }

    /** The resolver's shortcut gives SnakeYAML's own tag for every kind of plain scalar. */
    @Test
    void tagsAreTheResolversTags() {
        org.yaml.snakeyaml.resolver.Resolver resolver = new org.yaml.snakeyaml.resolver.Resolver();
        List<String> values = new ArrayList<>(List.of("0", "-0", "7", "-12", "2017", "007", "0x1F", "0b11", "1_000",
                "+1", "1:20", "1.5", "-0.25", "0.0", "1.", ".5", "1e3", "1.5e3", "1.5E-3", ".inf", "-.inf", ".nan",
                "2017-02-16", "2017-2-6", "2017-02-16T10:00:00Z", "2017-02-16 10:00:00", "20170216", "2017-02-1x",
                "yes", "Yes", "YES", "yEs", "no", "No", "NO", "y", "n", "Y", "N", "true", "True", "TRUE", "tRUE",
                "false", "on", "ON", "off", "Off", "oN", "null", "Null", "NULL", "nULL", "nil", "~", "~x",
                "<<", "<", "=", "focus", "fiscal", "onwards", "yesterday", "nothing", "target", "中文", "achieved",
                "in_progress", "-", "-x", "+", ".", "..", "1.2.3", "12-", "Tnull", "OFF!",
                "2018年完成试点方案编制", "3.5万吨", "2017-03-01年", "1号", "-５", "１２", "2017-02-16　",
                "1.5 ", "0x1Ｆ", "~中", "2017-02-16T10:00:00Ｚ"));
        for (Integer i = 0; i < 300; i++) {
            values.add(Integer.toString(i * 37 - 500));
            values.add((i * 7) + "." + i);
        }
        for (String v : values) {
            assertThat(BlockYamlReader.tag(v)).as(v).isEqualTo(resolver.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, v, true));
        }
    }

    @Test
    void nestingBeyondTheLimitIsLeftToTheGeneralPathAndItsMessage() {
        String text = "a:\n  b:\n    c: 1\n";
        assertThat(BlockYamlReader.read("t.yaml", text, 2)).isNull();
        assertThat(BlockYamlReader.read("t.yaml", text, 3)).isNotNull();
        List<YamlProblem> problems = new ArrayList<>();
        assertThat(new YamlTreeReader(2, 1 << 20).read("t.yaml", text, problems)).isEmpty();
        assertThat(problems).singleElement().extracting(YamlProblem::messageEn).asString().contains("deeper than 2");
    }

    /**
     * Every fixture, mutated one character at a time in the places and with the characters that
     * change YAML's reading: whatever the fast path still accepts must read as SnakeYAML reads it.
     */
    @Test
    void mutatedFixturesReadTheSameBothWays() throws IOException {
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> list = Files.list(Path.of("fixtures"))) {
            for (Path p : list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                seeds.add(Files.readString(p));
            }
        }
        String alphabet = " :-#[]{},\n'\"&*!|>?%@\t\r0129.a~_eE+x中";
        Random random = new Random(20170126);
        List<String> mismatches = new ArrayList<>();
        int accepted = 0;
        for (int n = 0; n < 6000 && mismatches.size() < 5; n++) {
            StringBuilder text = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            for (int m = 1 + random.nextInt(2); m > 0; m--) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> text.deleteCharAt(at);
                    default -> text.setCharAt(at, c);
                }
            }
            String mutated = text.toString();
            if (BlockYamlReader.read("t.yaml", mutated, 64) != null) {
                accepted++;
            }
            List<String> both = YamlTrees.bothPaths(READER, mutated);
            if (!both.get(0).equals(both.get(1))) {
                mismatches.add(mutated + "\nfast:\n" + both.get(0) + "\ngeneral:\n" + both.get(1));
            }
        }
        assertThat(mismatches).isEmpty();
        // most mutations land in comments and values and leave a dossier the fast path still takes
        assertThat(accepted).isGreaterThan(2000);
    }

    private static PilotRegistry registry() {
        try {
            return PilotRegistry.load(Path.of("rules", PilotRegistry.FILE), PilotRegistry.FILE);
        } catch (io.pilotcheck.source.RuleInputException e) {
            throw new AssertionError(e);
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
