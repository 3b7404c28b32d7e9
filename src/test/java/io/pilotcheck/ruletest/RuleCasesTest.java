package io.pilotcheck.ruletest;

import io.pilotcheck.TestRules;
import io.pilotcheck.cli.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pilotcheck rules test}: the shipped cases pass with full coverage (this is how
 * {@code mvn verify} runs them), and the runner itself reports wrong expectations, bad test files
 * and short coverage as it should.
 */
class RuleCasesTest {

    @TempDir
    Path tmp;

    @Test
    void theShippedCasesPassWithFullCoverageOfTheShippedRules() {
        CliTest.Run r = CliTest.run("rules", "test", "--require-coverage", "--lang", "en");
        assertThat(r.out()).doesNotContain("FAIL").contains(" 0 failed")
                .contains("coverage of 33 rules: 33 named by a case, 33 seen firing");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
    }

    @Test
    void aCaseExpectingTheWrongThingFailsWithADiffOfExpectedAndActual() throws IOException {
        Path file = write("wrong.yaml", """
                dossier: %s
                cases:
                  - name: late plan, expected on the wrong line and as a warning
                    edits:
                      - {replace: "adopted: 2017-08-01", with: "adopted: 2018-01-01"}
                    expect:
                      - {rule: LCP-PLAN-01, severity: warning, line: 99}
                    none: [LCP-TGT-01]
                """.formatted(dalian()));
        CliTest.Run r = CliTest.run("rules", "test", file.toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  " + file.toString().replace('\\', '/') + ":3  late plan")
                .contains("- expected LCP-PLAN-01 warning line 99  (found 0)")
                .contains("+ actual   LCP-PLAN-01 violation line 14 low_carbon_plan.adopted: Dalian adopted its "
                        + "low-carbon development plan on 2018-01-01, 1 day after the 2017-12-31 deadline")
                .contains("1 case in 1 file: 0 passed, 1 failed");
    }

    @Test
    void noneAndOnlyFailOnFindingsTheCaseDoesNotAllow() throws IOException {
        Path file = write("strict.yaml", """
                dossier: %s
                cases:
                  - name: forbids what fires
                    edits:
                      - {replace: "tracking_evaluation: true", with: "tracking_evaluation: false"}
                    none: [LCP-TGT-04]
                  - name: only the plan, but TGT-04 fires too
                    edits:
                      - {replace: "tracking_evaluation: true", with: "tracking_evaluation: false"}
                      - {replace: "adopted: 2017-08-01", with: "adopted: 2018-01-01"}
                    expect:
                      - {rule: LCP-PLAN-01, severity: violation, count: 1}
                    only: true
                """.formatted(dalian()));
        CliTest.Run r = CliTest.run("rules", "test", file.toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("- expected no LCP-TGT-04 finding")
                .containsPattern("\\+ actual   LCP-TGT-04 warning line 26 .*\\[none]")
                .containsPattern("\\+ actual   LCP-TGT-04 warning line 26 .*\\[not expected]")
                .contains("0 passed, 2 failed");
    }

    @Test
    void anInlineDossierKeepsTheTestFilesLineNumbers() throws Exception {
        Path file = write("inline.yaml", """
                cases:
                  - name: flow
                    as_of: 2020-06-30
                    dossier: {city: 大连}
                    expect:
                      - {rule: LCP-REG-01, severity: error, line: 4}
                  - name: block, followed by more keys
                    dossier:
                      city: 大连市
                      as_of: 2020-06-30
                      low_carbon_plan:
                        adopted: 2018-01-01
                    expect:
                      - {rule: LCP-PLAN-01, severity: violation, count: 1, line: 12}
                    none: [LCP-PEAK-03]
                """);
        RuleTestRun.Result result = RuleTestRun.run(TestRules.book(), file, LocalDate.of(2020, 6, 30));
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.passed()).as(o.rcase().name() + ": "
                + o.diff(io.pilotcheck.words.Language.EN)).isTrue());
        assertThat(result.outcomes().get(1).actual()).allSatisfy(f ->
                assertThat(f.location().file()).isEqualTo(file.toString().replace('\\', '/')));
    }

    @Test
    void anEditThatFindsNothingFailsItsCaseAndTheOthersStillRun() throws IOException {
        Path file = write("edit.yaml", """
                dossier: %s
                cases:
                  - name: drifted edit
                    edits:
                      - {replace: "adopted: 1999-01-01", with: "adopted: 2018-01-01"}
                    none: [LCP-PLAN-01]
                  - name: fine
                    none: [LCP-PLAN-01]
                """.formatted(dalian()));
        CliTest.Run r = CliTest.run("rules", "test", file.toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(":5: the edit found nothing to replace: \"adopted: 1999-01-01\"")
                .contains("1 passed, 1 failed");
    }

    @Test
    void aBadTestFileIsExitTwoWithEveryProblemLocated() throws IOException {
        Path file = write("bad.yaml", """
                dossier: missing/dossier.yaml
                cases:
                  - name: typos
                    expcet: []
                    none: [LCP-PLAN-1]
                  - name: bad expectation
                    expect:
                      - {rule: LCP-PLAN-01, severity: fatal}
                """);
        CliTest.Run r = CliTest.run("rules", "test", "--lang", "en", file.toString());
        String f = file.toString().replace('\\', '/');
        assertThat(r.code()).isEqualTo(2);
        assertThat(CliTest.run("rules", "test", file.toString()).err()).contains("规则测试无法运行（4 个问题）");
        assertThat(r.err()).contains(f + ":1:10: error: cannot read the dossier")
                .contains(f + ":4:5: error: unknown key 'expcet' in a case (did you mean expect?)")
                .contains(f + ":5:12: error: no rule has id 'LCP-PLAN-1' (did you mean LCP-PLAN-01")
                .contains(f + ":8:39: error: severity 'fatal' is not one of pending, warning, violation, error")
                .contains("the rule tests cannot be run");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void requireCoverageFailsOnRulesNoCaseCoversOrNoCaseSawFiring() throws IOException {
        Path file = write("few.yaml", """
                dossier: %s
                cases:
                  - name: names TGT-04 but never makes it fire
                    none: [LCP-TGT-04]
                """.formatted(dalian()));
        CliTest.Run plain = CliTest.run("rules", "test", file.toString(), "--lang", "en");
        assertThat(plain.code()).isZero();
        assertThat(plain.out()).contains("coverage of 33 rules: 1 named by a case, 0 seen firing, 1 shown silent")
                .containsPattern("rules no case covers: LCP-CAP-01, .*LCP-TGT-03, LCP-TIME-01")
                .containsPattern("rules never seen firing: LCP-CAP-01, .*LCP-TGT-04");
        CliTest.Run strict = CliTest.run("rules", "test", file.toString(), "--require-coverage");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).contains("--require-coverage");
    }

    @Test
    void junitOutputParsesWithOneTestCasePerCaseAndTheDiffInTheFailure() throws Exception {
        Path file = write("junit.yaml", """
                dossier: %s
                cases:
                  - name: passes
                    none: [LCP-PLAN-01]
                  - name: fails <&> escaped
                    expect:
                      - {rule: LCP-PLAN-01, severity: violation}
                """.formatted(dalian()));
        CliTest.Run r = CliTest.run("rules", "test", file.toString(), "-f", "junit", "--require-coverage", "--lang", "en");
        assertThat(r.code()).isEqualTo(1);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        Element suites = xml.getDocumentElement();
        assertThat(suites.getAttribute("tests")).isEqualTo("35"); // 2 cases + 33 coverage
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(35);
        Element failed = (Element) cases.item(1);
        assertThat(failed.getAttribute("name")).isEqualTo("fails <&> escaped");
        assertThat(failed.getAttribute("line")).isEqualTo("5");
        assertThat(failed.getElementsByTagName("failure").item(0).getTextContent())
                .contains("- expected LCP-PLAN-01 violation  (found 0)");
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1 + 33); // PLAN-01 named, never fired
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    /** The shared sound dossier, by absolute path so temp test files can name it. */
    private static String dalian() {
        return Path.of("rules/tests/dossiers/dalian.yaml").toAbsolutePath().toString().replace('\\', '/');
    }
}
