package io.pilotcheck.cli;

import io.pilotcheck.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --watch} on a temporary copy of the rules and a dossier: each edit is followed by
 * only the findings that changed. The time from an edit to its report is printed, not asserted
 * tightly (speed goals live in benchmarks); the bound here only catches a watch that never reacts.
 */
class WatchTest {

    private static final long REACTION_BOUND_MILLIS = 15_000;

    @TempDir
    Path tmp;

    @Test
    void editsToRulesParametersAndDossiersArePrintedAsChangedFindings() throws Exception {
        Path rules = TestRules.copyRules(tmp);
        Path dossiers = Files.createDirectories(tmp.resolve("dossiers"));
        Path dalian = Files.copy(Path.of("rules/tests/dossiers/dalian.yaml"), dossiers.resolve("dalian.yaml"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        // the dossiers named relative to the working folder, outside it: shown as typed (issue 23 item 18)
        String typed = Path.of("").toAbsolutePath().relativize(dossiers.toAbsolutePath()).toString().replace('\\', '/');
        Thread watch = new Thread(() -> code.set(Main.run(new String[] {"check", "--watch", "--lang", "en",
                "--rules", rules.toString(), typed}, new PrintWriter(out, true), new PrintWriter(err, true))));
        watch.start();
        try {
            awaitOutput(out, "for changes (Ctrl-C to stop)", 60_000);
            assertThat(out.toString()).contains("Dalian — compliant");

            // a DRL edit: PLAN-01 now measured against the launch deadline
            int mark = out.toString().length();
            long t0 = System.nanoTime();
            TestRules.edit(rules.resolve("plan.drl"), "$p.date(\"plan_due\") )", "$p.date(\"launch_due\") )");
            awaitOutput(out, mark, "1 new, 0 gone", REACTION_BOUND_MILLIS);
            System.out.printf("check --watch: DRL edit reported after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            String drl = out.toString().substring(mark);
            assertThat(drl).contains("— " + shown(rules.resolve("plan.drl")) + " —")
                    .containsPattern("\\+ .*dalian.yaml:14:12: violation LCP-PLAN-01 Dalian adopted its low-carbon "
                            + "development plan on 2017-08-01, 154 days after the 2017-02-28 deadline")
                    .doesNotContain("compliant, as of"); // only the change, not the whole report again

            // a dossier edit: only that dossier is checked again, and the finding is gone
            mark = out.toString().length();
            t0 = System.nanoTime();
            TestRules.edit(dalian, "adopted: 2017-08-01", "adopted: 2017-02-01");
            awaitOutput(out, mark, "0 new, 1 gone", REACTION_BOUND_MILLIS);
            assertThat(out.toString().substring(mark)).contains("— " + typed + "/dalian.yaml —")
                    .contains("- " + typed + "/dalian.yaml:14:12: violation LCP-PLAN-01");
            System.out.printf("check --watch: dossier edit reported after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(out.toString().substring(mark)).containsPattern("- .*dalian.yaml:14:12: violation LCP-PLAN-01")
                    .contains("1 rechecked");

            // a rule file that no longer builds: its problem, and the previous rules kept
            mark = out.toString().length();
            Files.writeString(rules.resolve("timeline.drl"), "rule \"broken\nwhen\n", java.nio.file.StandardOpenOption.APPEND);
            awaitOutput(out, mark, "findings are still those of the previous rules", REACTION_BOUND_MILLIS);
            // issue 23 item 18: the located problems under the notice, on stdout, the file as given
            awaitOutput(out, mark, rules.resolve("timeline.drl").toString().replace('\\', '/') + ":", REACTION_BOUND_MILLIS);
            assertThat(out.toString().substring(mark)).containsPattern("problems? below\\); findings are still those of the previous rules\\n  "
                    + java.util.regex.Pattern.quote(rules.resolve("timeline.drl").toString().replace('\\', '/')) + ":\\d+:\\d+: error: ");
        } finally {
            watch.interrupt();
            watch.join(30_000);
        }
        assertThat(watch.isAlive()).isFalse();
        assertThat(code.get()).isZero();
    }

    @Test
    void aWaivedFindingIsNoChangeWhenItsDossierIsSavedAgain() throws Exception {
        // regression: the first batch was kept with its waiver marks and compared with an unmarked recheck
        Path dossiers = Files.createDirectories(tmp.resolve("dossiers"));
        Path jiaxing = Files.copy(Path.of("fixtures/08-jiaxing.yaml"), dossiers.resolve("jiaxing.yaml"));
        Path waivers = Files.writeString(tmp.resolve("waivers.yaml"), "waivers:\n  - city: 嘉兴市\n    rule: LCP-STAR-02\n"
                + "    reason: 待转报\n    approver: 张三\n    expires: 2099-12-31\n");
        StringWriter out = new StringWriter();
        Thread watch = new Thread(() -> Main.run(new String[] {"check", "--watch", "--lang", "en", "--as-of", "2020-06-30",
                "--waivers", waivers.toString(), dossiers.toString()}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true)));
        watch.start();
        try {
            awaitOutput(out, "for changes (Ctrl-C to stop)", 60_000);
            assertThat(out.toString()).contains("(waived: 待转报");
            int mark = out.toString().length();
            Files.writeString(jiaxing, "# saved again\n", java.nio.file.StandardOpenOption.APPEND);
            awaitOutput(out, mark, "1 rechecked", REACTION_BOUND_MILLIS);
            assertThat(out.toString().substring(mark)).contains("no change in the findings");
        } finally {
            watch.interrupt();
            watch.join(30_000);
        }
    }

    private static String shown(Path p) {
        Path here = Path.of("").toAbsolutePath();
        return (p.startsWith(here) ? here.relativize(p) : p).toString().replace('\\', '/');
    }

    /** A workbook in the watched folder (docs/spec/entry.md): saved again with a fix, its finding goes, told at its cell. */
    @Test
    void aWorkbookSavedAgainIsCheckedAgainAtItsCells() throws Exception {
        Path dossiers = Files.createDirectories(tmp.resolve("workbooks"));
        Path book = dossiers.resolve("大连市.xlsx");
        com.fasterxml.jackson.databind.ObjectMapper yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        com.fasterxml.jackson.databind.node.ObjectNode dalian = (com.fasterxml.jackson.databind.node.ObjectNode)
                yaml.readTree(Path.of("fixtures/03-dalian.yaml").toFile());
        Files.write(book, io.pilotcheck.entry.DossierWorkbook.write(dalian));
        Files.write(dossiers.resolve("~$大连市.xlsx"), new byte[] {1, 2, 3}); // Excel's owner file beside it: no dossier
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread watch = new Thread(() -> code.set(Main.run(new String[] {"check", "--watch", "--lang", "en", dossiers.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true))));
        watch.start();
        try {
            awaitOutput(out, "for changes (Ctrl-C to stop)", 60_000);
            assertThat(out.toString()).contains("大连市.xlsx: 低碳规划!B2: violation LCP-PLAN-01").doesNotContain("~$");
            int mark = out.toString().length();
            ((com.fasterxml.jackson.databind.node.ObjectNode) dalian.get("low_carbon_plan")).put("adopted", "2017-06-30");
            Files.write(book, io.pilotcheck.entry.DossierWorkbook.write(dalian));
            awaitOutput(out, mark, "0 new, 1 gone", REACTION_BOUND_MILLIS);
            assertThat(out.toString().substring(mark)).contains("- " + book.toString().replace('\\', '/') + ": 低碳规划!B2: violation LCP-PLAN-01");
        } finally {
            watch.interrupt();
            watch.join(30_000);
        }
        assertThat(watch.isAlive()).isFalse();
    }

    private static void awaitOutput(StringWriter out, String text, long millis) throws InterruptedException {
        awaitOutput(out, 0, text, millis);
    }

    /** Waits until {@code text} appears after {@code from}; fails with the output when it does not in time. */
    private static void awaitOutput(StringWriter out, int from, String text, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!out.toString().substring(from).contains(text)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("no \"" + text + "\" within " + millis + " ms; output:\n" + out);
            }
            Thread.sleep(20);
        }
    }
}
