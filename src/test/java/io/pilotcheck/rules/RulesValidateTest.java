package io.pilotcheck.rules;

import io.pilotcheck.TestRules;
import io.pilotcheck.cli.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rules validate} on a deliberately broken copy of the rules: a syntax error, an unknown
 * field, a value of the wrong type, bad metadata, a misspelt parameter. Each gives exit 2 and a
 * message naming the DRL file and the line of the break, in the author's terms.
 *
 * <p>Each kind of breakage is tried in one representative file, a different one for each kind
 * (a deadline rule with {@code from}, an accumulate, plain patterns): locating an error is the
 * same code for every file, and a full compile of every file for every kind made this the
 * slowest class of the build while saying nothing more.
 */
class RulesValidateTest {

    /** Inserts a condition as the first line after the first {@code when}; returns its line number. */
    private static int breakFirstRule(Path drl, String condition) throws IOException {
        String text = Files.readString(drl);
        int when = text.indexOf("\nwhen\n") + "\nwhen\n".length();
        Files.writeString(drl, text.substring(0, when) + "    " + condition + "\n" + text.substring(when));
        return (int) text.substring(0, when).chars().filter(c -> c == '\n').count() + 1;
    }

    private static CliTest.Run validate(Path rules) {
        return CliTest.run("rules", "validate", "--rules", rules.toString());
    }

    private static String located(Path rules, String file, int line) {
        return rules.resolve(file).toString().replace('\\', '/') + ":" + line + ":";
    }

    @Test
    void theShippedRulesValidate() {
        CliTest.Run r = validate(Path.of("rules"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("33 rules in 11 files").contains("OK");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = "reporting.drl")
    void aSyntaxErrorIsLocated(String file, @TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        int line = breakFirstRule(rules.resolve(file), "Dossier( city == )");
        CliTest.Run r = validate(rules);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(located(rules, file, line)).contains("error:").doesNotContain("Exception\n\tat");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = "plan.drl")
    void anUnknownFieldIsLocatedWithDidYouMean(String file, @TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        int line = breakFirstRule(rules.resolve(file), "Dossier( citty != null )");
        CliTest.Run r = validate(rules);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(located(rules, file, line) + "14: error: rule \"")
                .contains("citty").contains("; did you mean city?")
                .doesNotContain("io.pilotcheck").doesNotContain("Rules");
    }

    /** Issue 23 item 17: a misspelt method is the one error shown, with the method meant. */
    @Test
    void aMisspeltMethodIsTheRootErrorWithADidYouMeanAndItsKnockOnsFolded(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        Path drl = rules.resolve("plan.drl");
        String text = Files.readString(drl);
        String wrong = text.replaceFirst("\\$d\\.lowCarbonPlan\\(\\)\\.adopted\\(\\)", "\\$d.lowCarbonPlna().adopted()");
        assertThat(wrong).isNotEqualTo(text);
        Files.writeString(drl, wrong);
        int line = (int) wrong.substring(0, wrong.indexOf("lowCarbonPlna")).chars().filter(c -> c == '\n').count() + 1;
        CliTest.Run r = validate(rules);
        assertThat(r.code()).isEqualTo(2);
        List<String> errors = r.err().lines().filter(l -> l.contains(": error: ")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith(located(rules, "plan.drl", line))
                .contains("Dossier has no method lowCarbonPlna(); did you mean lowCarbonPlan()?")
                .contains("2 more errors on this line follow from it").doesNotContain("Evaluation");
    }

    /** Issue 23 item 17: a missing ')' in a consequence is located where it is missing, in the file. */
    @Test
    void aSyntaxErrorInAConsequenceIsLocatedInTheFile(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        Path drl = rules.resolve("plan.drl");
        String text = Files.readString(drl);
        String call = "findings.deadline(kcontext, \"low_carbon_plan.adopted\", $s);";
        assertThat(text).contains(call);
        String wrong = text.replaceFirst(java.util.regex.Pattern.quote(call),
                java.util.regex.Matcher.quoteReplacement(call.replace("$s);", "$s;")));
        Files.writeString(drl, wrong);
        String before = wrong.substring(0, wrong.indexOf("$s;") + 2);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.length() - before.lastIndexOf('\n');
        CliTest.Run r = validate(rules);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(located(rules, "plan.drl", line) + column + ": error: rule \"LCP-PLAN-01")
                .contains("syntax error in the consequence: unexpected ';'; is a ')' missing before it?")
                .doesNotContain("expected one of");
    }

    /** Rules written before the facts moved to io.pilotcheck.facts are told the import to write. */
    @Test
    void anImportOfAFactFromItsOldPackageSaysTheNewOne(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        Path drl = rules.resolve("organisation.drl");
        String text = Files.readString(drl);
        Files.writeString(drl, text.replace("import io.pilotcheck.facts.Evaluation;", "import io.pilotcheck.check.Evaluation;"));
        int line = (int) text.substring(0, text.indexOf("import io.pilotcheck.facts.Evaluation;")).chars()
                .filter(c -> c == '\n').count() + 1;
        CliTest.Run r = validate(rules);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the import on line " + line + " names io.pilotcheck.check.Evaluation")
                .contains("write import io.pilotcheck.facts.Evaluation;").doesNotContain("did you mean Evaluation");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = "peak.drl")
    void aValueOfTheWrongTypeIsLocated(String file, @TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        int line = breakFirstRule(rules.resolve(file), "Dossier( pilotNo > \"three\" )");
        CliTest.Run r = validate(rules);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(located(rules, file, line)).contains("\"three\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = "innovation.drl")
    void badMetadataIsLocatedAtTheRule(String file, @TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        Path drl = rules.resolve(file);
        String text = Files.readString(drl);
        int ruleLine = (int) text.substring(0, text.indexOf("\nrule \"") + 1).chars().filter(c -> c == '\n').count() + 1;
        String severity = text.substring(text.indexOf("@severity(\""), text.indexOf("\")", text.indexOf("@severity(\"")) + 2);
        TestRules.edit(drl, severity, "@severity(\"fatal\")");
        CliTest.Run r = validate(rules);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(located(rules, file, ruleLine)).contains("\"fatal\" is not one of");
    }

    @Test
    void aMisspeltParameterIsLocatedWithDidYouMeanBeforeAnyDossierIsChecked(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        TestRules.edit(rules.resolve("capacity.drl"), "$p.date(\"data_system_due\")", "$p.date(\"data_sytem_due\")");
        TestRules.edit(rules.resolve("peak.drl"), "$p.integer(\"peak_about_tolerance_years\")", "$p.date(\"peak_about_tolerance_years\")");
        CliTest.Run r = CliTest.run("check", "--rules", rules.toString(), "fixtures/02-shenyang.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).containsPattern("capacity\\.drl:\\d+:\\d+: error: rule \"LCP-CAP-04 [^\"]+\": params\\.yaml has no "
                + "parameter 'data_sytem_due'; did you mean data_system_due\\?")
                .contains("parameter 'peak_about_tolerance_years' is a whole number, but date() reads a date");
    }

    @Test
    void anUnknownFactTypeSuggestsTheImportedOne(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyRules(dir);
        int line = breakFirstRule(rules.resolve("timeline.drl"), "Dosier()");
        CliTest.Run r = validate(rules);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(located(rules, "timeline.drl", line)).contains("Unable to find class: Dosier; did you mean Dossier?");
        assertThat(r.err().lines().filter(l -> l.contains("error:")).toList()).hasSize(1);
    }

    @Test
    void aCatalogueWarnsOfIdsItLacksWithoutFailing(@TempDir Path dir) throws IOException {
        Path catalogue = dir.resolve("catalogue.md");
        Files.writeString(catalogue, String.join("\n", List.of("| id | severity |", "|---|---|", "| LCP-REG-01 | error |")));
        CliTest.Run r = CliTest.run("rules", "validate", "--catalogue", catalogue.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("rules/registry\\.drl:\\d+:1: warning: rule \"LCP-REG-02 [^\"]+\": LCP-REG-02 is not in")
                .doesNotContain("LCP-REG-01 is not in").contains("(32 warnings)");
    }
}
