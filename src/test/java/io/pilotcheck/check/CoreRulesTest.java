package io.pilotcheck.check;

import io.pilotcheck.SoundDossier;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Verdict;
import org.junit.jupiter.api.Test;

import static io.pilotcheck.TestRules.check;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dossier's findings make of its verdict, which the YAML rule cases ({@code rules/tests/})
 * do not assert: the rules' own behaviour, deadline by deadline, is tested there.
 */
class CoreRulesTest {

    @Test
    void aSoundDossierIsCompliantWithNoFindings() {
        var r = check(SoundDossier.DALIAN, null);
        assertThat(r.findings()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.COMPLIANT);
        assertThat(r.city()).isEqualTo("大连市");
    }

    @Test
    void aCityOutsideTheAnnexCannotBeCheckedSoItsVerdictIsError() {
        var r = check("city: 大连\n", "2020-06-30");
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("LCP-REG-01");
        assertThat(r.findings().get(0).location().line()).isEqualTo(1);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void aDateAfterTheDossiersAsOfMakesItsVerdictError() {
        String lateReport = io.pilotcheck.TestRules.edit(SoundDossier.DALIAN, "submitted: 2020-03-20", "submitted: 2020-07-01");
        assertThat(check(lateReport, null).verdict()).isEqualTo(Verdict.ERROR);
    }
}
