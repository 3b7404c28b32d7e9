package io.pilotcheck.hostile;

import io.pilotcheck.TestRules;
import io.pilotcheck.check.BatchCheck;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.check.EngineLimits;
import io.pilotcheck.cli.CliTest;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleBookLoader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every hostile input pilotcheck is tried on, with the outcome it must have: the one table
 * {@link HostileInputTest} asserts and the table of {@code docs/reliability.md} is generated from.
 *
 * <p>A dossier case is checked in a batch beside a good dossier, and the good one must come out
 * exactly as it does alone: a case that disturbs its neighbour gets the outcome "disturbed" and
 * fails. The suite runs once per test JVM (it writes a 100 MB file and starts two JVMs).
 */
final class HostileSuite {

    static final Path HOSTILE = Path.of("src", "test", "resources", "hostile");
    static final LocalDate AS_OF = LocalDate.of(2020, 6, 30);
    private static final String NEIGHBOUR = "fixtures/02-shenyang.yaml";

    /** One input: its table section, what it is, and the outcome it must have. */
    record Case(String section, String input, String expected, Trial trial) {
    }

    /** What a case gave: an outcome in the form of {@link Case#expected()} and the first message. */
    record Outcome(String result, String message) {
    }

    /** A case with what it gave. */
    record Result(Case kase, Outcome outcome) {
        boolean asExpected() {
            return kase.expected().equals(outcome.result());
        }
    }

    /** Runs one case in its own scratch folder. */
    interface Trial {
        Outcome run(Path scratch) throws Exception;
    }

    private static List<Result> results;

    private HostileSuite() {
    }

    /** Each case with its outcome, run on first use. */
    static synchronized List<Result> results() {
        if (results == null) {
            try {
                results = run(Files.createTempDirectory("pilotcheck-hostile"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return results;
    }

    /** The dossier files of {@code src/test/resources/hostile/}, each with what it is and must give. */
    static final Map<String, String[]> FILES = new LinkedHashMap<>();

    private static void file(String name, String input, String expected) {
        FILES.put(name, new String[] {input, expected});
    }

    static {
        file("alias-bomb.yaml", "Billion laughs: nine levels of aliases, each nine times the last", "LCP-SCHEMA-07 at 2:4 (×40)");
        file("alias-scalar.yaml", "An alias for a value (`province: *c`)", "LCP-SCHEMA-07 at 2:11 (×1)");
        file("binary.yaml", "A PNG image named `.yaml`", "LCP-SCHEMA-09 at 1:1 (×1)");
        file("invalid-utf8.yaml", "Invalid UTF-8 (a character cut in half)", "LCP-SCHEMA-09 at 1:1 (×1)");
        file("utf16-bom.yaml", "UTF-16 with a byte-order mark (Word's \"Unicode text\")", "LCP-SCHEMA-09 at 1:1 (×1)");
        file("gbk.yaml", "GBK, Chinese Windows' own encoding (Notepad's \"ANSI\")", "LCP-SCHEMA-09 at 1:1 (×1)");
        file("utf8-bom.yaml", "UTF-8 with a byte-order mark", "checked: non_compliant");
        file("crlf.yaml", "CRLF line ends (columns must still be right)", "LCP-SCHEMA-03 at 3:19 (×1)");
        file("cr-only.yaml", "CR-only line ends (old Mac; found by the fuzzer)", "LCP-SCHEMA-03 at 3:19 (×1)");
        file("tab-indent.yaml", "A tab in the indentation", "LCP-SCHEMA-01 at 3:1 (×1)");
        file("deep-nesting.yaml", "Lists nested 10,000 deep", "LCP-SCHEMA-01 at 2:68 (×1)");
        file("long-key.yaml", "A key of 5,000 characters (an explicit `? key`, as YAML allows past 1,024)", "LCP-SCHEMA-01 at 2:3 (×1)");
        file("nul-byte.yaml", "A NUL byte in a value (PostgreSQL refuses it in text)", "LCP-SCHEMA-09 at 1:1 (×1)");
        file("empty.yaml", "An empty file", "LCP-SCHEMA-01 at 1:1 (×1)");
        file("only-comments.yaml", "A file of only comments", "LCP-SCHEMA-01 at 1:1 (×1)");
        file("several-documents.yaml", "Two YAML documents in one file", "LCP-SCHEMA-01 at 3:1 (×1)");
        file("tag-java-object.yaml", "A `!!java.io.File` tag", "LCP-SCHEMA-07 at 1:7 (×1)");
        file("tag-script-engine.yaml", "The `!!javax.script.ScriptEngineManager` remote-code gadget", "LCP-SCHEMA-07 at 1:7 (×3)");
        file("tag-project-class.yaml", "A tag naming a class on the classpath (it is never loaded)", "LCP-SCHEMA-07 at 1:7 (×1)");
        file("tag-binary.yaml", "A `!!binary` value (a scanned page pasted into the dossier)", "LCP-SCHEMA-07 at 5:9 (×1)");
        file("duplicate-key-top.yaml", "A duplicate key at the top level", "LCP-SCHEMA-06 at 2:1 (×1)");
        file("duplicate-key-nested.yaml", "A duplicate key in a nested mapping", "LCP-SCHEMA-06 at 4:3 (×1)");
        file("duplicate-key-in-list.yaml", "A duplicate key in a list item", "LCP-SCHEMA-06 at 4:5 (×1)");
        file("number-for-date.yaml", "A number where a date belongs (`20170215`)", "LCP-SCHEMA-03 at 2:17 (×1)");
        file("date-for-number.yaml", "A date where a year belongs", "LCP-SCHEMA-03 at 2:19 (×1)");
        file("impossible-date.yaml", "An impossible date (`2017-13-45`)", "LCP-SCHEMA-05 at 2:8 (×1)");
        file("year-too-short.yaml", "A two-digit year (`17`)", "LCP-SCHEMA-03 at 2:19 (×1)");
        file("year-too-long.yaml", "A five-digit year (`20017`)", "LCP-SCHEMA-03 at 3:12 (×1)");
    }

    private static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        FILES.forEach((name, what) -> all.add(new Case("Dossier files", what[0] + " — `" + name + "`", what[1],
                scratch -> dossier(Map.of("hostile/" + name, HOSTILE.resolve(name)), LoadLimits.DEFAULT))));
        all.addAll(FileSystemCases.all());
        all.addAll(OutputCases.all());
        all.addAll(ServiceCases.all());
        all.addAll(RuleFaultCases.all());
        return all;
    }

    private static List<Result> run(Path root) throws IOException {
        List<Result> out = new ArrayList<>();
        int n = 0;
        for (Case c : cases()) {
            Path scratch = Files.createDirectories(root.resolve("case" + n++));
            Outcome o;
            try {
                o = c.trial().run(scratch);
            } catch (Exception | AssertionError e) {
                o = new Outcome("threw " + e, "");
            }
            out.add(new Result(c, new Outcome(o.result(), tidy(o.message(), root))));
        }
        return List.copyOf(out);
    }

    /** Messages name scratch paths; the table shows them relative, the same on every machine. */
    private static String tidy(String message, Path root) {
        String real = root.toAbsolutePath().toString();
        return message.replaceAll(java.util.regex.Pattern.quote(real) + "/case\\d+/", "")
                .replace(real, "");
    }

    // ---- helpers the case families share -------------------------------------------------------

    /**
     * Checks {@code files} beside the neighbour dossier with the shipped rules; the outcome is the
     * one non-neighbour dossier's, or "disturbed" when the neighbour is not as it is alone.
     */
    static Outcome dossier(Map<String, Path> files, LoadLimits limits) {
        return dossier(files, TestRules.book(), limits, EngineLimits.DEFAULT);
    }

    static Outcome dossier(Map<String, Path> files, RuleBook book, LoadLimits load, EngineLimits engine) {
        Map<String, Path> batch = new LinkedHashMap<>(files);
        batch.put(NEIGHBOUR, Path.of(NEIGHBOUR));
        List<DossierResult> results = new BatchCheck(book, load, engine).run(batch, AS_OF, AS_OF).dossiers();
        DossierResult alone = new BatchCheck(TestRules.book()).run(Map.of(NEIGHBOUR, Path.of(NEIGHBOUR)), AS_OF, AS_OF)
                .dossiers().get(0);
        DossierResult neighbour = results.stream().filter(d -> d.file().equals(NEIGHBOUR)).findFirst().orElseThrow();
        if (!neighbour.equals(alone)) {
            return new Outcome("disturbed " + NEIGHBOUR, "");
        }
        return outcome(results.stream().filter(d -> !d.file().equals(NEIGHBOUR)).findFirst().orElseThrow());
    }

    /** "checked: VERDICT", or the first error's id and place and how many errors there are. */
    static Outcome outcome(DossierResult d) {
        List<Finding> errors = d.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (errors.isEmpty()) {
            return new Outcome("checked: " + d.verdict().id(), "");
        }
        Finding first = errors.get(0);
        return new Outcome(first.ruleId() + " at " + first.location().line() + ":" + first.location().column()
                + " (×" + errors.size() + ")", first.message().en());
    }

    /** Runs the CLI in-process (English messages); the outcome is its exit code and first stderr line. */
    static Outcome cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--lang");
        all.add("en");
        CliTest.Run r = CliTest.run(all.toArray(String[]::new));
        return new Outcome("exit " + r.code(), r.err().lines().findFirst().orElse(""));
    }

    /** A rule book from a copy of {@code rules/} with {@code extraDrl} added as {@code fault.drl}. */
    static RuleBook rulesWith(Path scratch, String extraDrl) throws Exception {
        Path rules = TestRules.copyRules(scratch);
        Files.writeString(rules.resolve("fault.drl"), extraDrl, StandardCharsets.UTF_8);
        return RuleBookLoader.load(rules);
    }

    /** Writes a dossier followed by comment lines up to {@code bytes} bytes. */
    static Path padded(Path file, long bytes) throws IOException {
        byte[] line = ("# " + "填报说明".repeat(20) + "\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] head = Files.readAllBytes(Path.of(NEIGHBOUR));
            out.write(head);
            for (long written = head.length; written < bytes; written += line.length) {
                out.write(line);
            }
        }
        return file;
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
