package io.pilotcheck.store;

import io.pilotcheck.TestRules;
import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard once asked the store one query a pilot for its violated rules, and the
 * submission list one more a row: now each is one query however many there are.
 */
class StoreQueriesTest {

    @TempDir
    Path tmp;

    @Test
    void theViolatedRulesOfEveryPilotAndTheDossiersOfEveryListedSubmissionAreOneQueryEach() throws Exception {
        try (SubmissionStore store = SubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")))) {
            List<String> files = List.of("fixtures/01-wuhai.yaml", "fixtures/02-shenyang.yaml", "fixtures/03-dalian.yaml",
                    "fixtures/08-jiaxing.yaml");
            for (String f : files) {
                byte[] bytes = Files.readAllBytes(Path.of(f));
                BatchResult batch = Check.runToEnd(CheckRequest.of(TestRules.book(), List.of(DossierInput.bytes(f, bytes)))
                        .withJobs(1)).batch();
                Instant at = Instant.now();
                store.record(new NewSubmission(at, null, Source.API, List.of(new NewSubmission.SubmittedFile(f, bytes)),
                        new EvaluationRecord(at, EvaluationRecord.SUBMITTED, "sha256:x", 33, "0.1.0", null, batch)));
            }
            Map<String, DossierEntry> latest = store.latest(List.of("乌海市", "沈阳市", "大连市", "嘉兴市"));
            assertThat(latest).hasSize(4);

            AtomicInteger statements = store.countStatements();
            Map<DossierEntry, List<String>> violated = store.rules(latest.values(), Severity.VIOLATION);
            assertThat(statements.get()).as("statements for four pilots' violated rules").isEqualTo(1);
            assertThat(violated.get(latest.get("大连市"))).contains("LCP-STAR-01", "LCP-PLAN-01");
            assertThat(violated.get(latest.get("沈阳市"))).isEmpty();

            statements.set(0);
            List<SubmissionStore.Listed> listed = store.submissions(null, null, null, 50, null);
            assertThat(statements.get()).as("statements for a list of four submissions").isEqualTo(2);
            assertThat(listed).hasSize(4).allSatisfy(l -> assertThat(l.cities()).hasSize(1));
        }
    }
}
