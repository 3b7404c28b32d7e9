package io.pilotcheck.explain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which dossier fields a rule's DRL text reads, in dossier keys. */
class RuleReadsTest {

    @Test
    void accessorChainsInConditionsBecomeDossierPaths() {
        String when = """
                $d : Dossier( lowCarbonPlan.inDevelopmentPlan != true, peakTargetYear != null )
                $s : DeadlineStatus() from $e.deadline( $d.implementationPlan().revisionSubmitted(), $p.date("x") )
                """;
        assertThat(RuleReads.of(when, when)).containsExactly("low_carbon_plan.in_development_plan",
                "peak_target_year", "implementation_plan.revision_submitted");
    }

    @Test
    void constraintsOnListItemFactsAreReadForEveryItem() {
        String when = "$i : Innovation( status == \"planned\", focus != null )\n";
        assertThat(RuleReads.of(when, when)).containsExactly("innovations[*].status", "innovations[*].focus");
    }

    @Test
    void pathsTheConsequenceReportsOnCountWhenTheyAreDossierKeys() {
        String rule = "when\n  Dossier()\nthen\n  findings.add(kcontext, \"emissions[2].mt_co2e\", \"not.a.key\");\nend\n";
        assertThat(RuleReads.of(rule, "\n  Dossier()\n")).containsExactly("emissions[*].mt_co2e");
    }
}
