package io.pilotcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's round trip over every bundled fixture, the 45 and the 9 broken ones
 * (docs/spec/entry.md): {@code convert} to a workbook and {@code check} it — the same rule ids,
 * severities and verdict as the YAML, every finding at a cell; {@code convert} back to YAML and
 * check — the same again. A YAML whose problem a workbook has no cell for (it does not read, a
 * key repeated or unknown, an alias) is refused by {@code convert}, naming the same findings.
 */
class WorkbookRoundTripCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The broken fixtures a workbook cannot hold: convert names their problems instead. */
    private static final Set<String> UNHELD = Set.of("alias.yaml", "duplicate-key.yaml", "not-yaml.yaml", "unknown-key.yaml");

    @TempDir
    Path tmp;

    @Test
    void everyFixtureChecksTheSameAsItsWorkbookAndAsTheYamlMadeFromThat() throws Exception {
        Path yamls = Files.createDirectory(tmp.resolve("yaml"));
        Path books = Files.createDirectory(tmp.resolve("xlsx"));
        Path back = Files.createDirectory(tmp.resolve("back"));
        List<Path> fixtures = new ArrayList<>();
        try (var a = Files.list(Path.of("fixtures")); var b = Files.list(Path.of("fixtures/invalid"))) {
            a.filter(p -> p.toString().endsWith(".yaml")).forEach(fixtures::add);
            b.filter(p -> p.toString().endsWith(".yaml")).forEach(fixtures::add);
        }
        assertThat(fixtures).hasSize(54);
        int refused = 0;
        for (Path f : fixtures) {
            String base = (f.getParent().endsWith("invalid") ? "invalid-" : "") + f.getFileName().toString().replace(".yaml", "");
            Files.copy(f, yamls.resolve(base + ".yaml"));
            CliTest.Run to = CliTest.run("convert", f.toString(), "-o", books.resolve(base + ".xlsx").toString());
            if (UNHELD.contains(f.getFileName().toString()) && f.getParent().endsWith("invalid")) {
                assertThat(to.code()).as(f + ": " + to.err()).isEqualTo(2);
                assertThat(ids(to.err())).as(f.toString())
                        .isEqualTo(ids(CliTest.run("check", "-f", "text", f.toString()).out()));
                assertThat(books.resolve(base + ".xlsx")).doesNotExist();
                Files.delete(yamls.resolve(base + ".yaml"));
                refused++;
                continue;
            }
            assertThat(to.code()).as(f + ": " + to.err()).isZero();
            CliTest.Run from = CliTest.run("convert", books.resolve(base + ".xlsx").toString(), "-o", back.resolve(base + ".yaml").toString());
            assertThat(from.code()).as(f + ": " + from.err()).isZero();
        }
        assertThat(refused).isEqualTo(4);
        Map<String, String> yaml = summaries(yamls, false);
        Map<String, String> workbook = summaries(books, true);
        Map<String, String> again = summaries(back, false);
        assertThat(yaml).hasSize(50);
        assertThat(workbook).as("the workbooks check as the YAML").isEqualTo(yaml);
        assertThat(again).as("the YAML made from the workbooks checks as the YAML").isEqualTo(yaml);
    }

    /** Each dossier's verdict and its findings' rule ids and severities, by the file's base name. */
    private static Map<String, String> summaries(Path dir, boolean cells) throws Exception {
        CliTest.Run run = CliTest.run("check", "-f", "json", "--fail-on", "never", dir.toString());
        assertThat(run.code()).as(run.err()).isIn(0, 1);
        Map<String, String> out = new TreeMap<>();
        for (JsonNode d : JSON.readTree(run.out()).get("dossiers")) {
            List<String> f = new ArrayList<>();
            for (JsonNode x : d.get("findings")) {
                f.add(x.get("rule").asText() + "/" + x.get("severity").asText());
                if (cells) {
                    assertThat(x.path("cell").asText()).as(d.get("file") + " " + x).matches("\\p{IsHan}+![A-Z]+\\d+");
                } else {
                    assertThat(x.has("cell")).isFalse();
                }
            }
            java.util.Collections.sort(f);
            String file = Path.of(d.get("file").asText()).getFileName().toString();
            out.put(file.substring(0, file.lastIndexOf('.')), d.get("verdict").asText() + " " + f);
        }
        return out;
    }

    private static List<String> ids(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("error (LCP-[A-Z]+-\\d+)").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        java.util.Collections.sort(out);
        return out;
    }
}
