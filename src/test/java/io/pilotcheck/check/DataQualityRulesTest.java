package io.pilotcheck.check;

import org.junit.jupiter.api.Test;

import static io.pilotcheck.SoundDossier.DALIAN;
import static io.pilotcheck.TestRules.edit;
import static io.pilotcheck.TestRules.findings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LCP-DATA-01's one behaviour the YAML cases ({@code rules/tests/data-quality.yaml}) cannot show:
 * a dossier without {@code as_of} is judged against the run date, which a case cannot set.
 */
class DataQualityRulesTest {

    @Test
    void data01UsesTheRunDateWhenTheDossierHasNoAsOf() {
        // the test run date is 2020-06-30 (TestRules.check)
        String lateReport = edit(DALIAN, "submitted: 2020-03-20", "submitted: 2020-07-01");
        assertThat(findings(edit(lateReport, "as_of: 2020-06-30\n", ""), null, "LCP-DATA-01")).hasSize(1);
        assertThat(findings(edit(DALIAN, "as_of: 2020-06-30\n", ""), null, "LCP-DATA-01")).isEmpty();
    }
}
