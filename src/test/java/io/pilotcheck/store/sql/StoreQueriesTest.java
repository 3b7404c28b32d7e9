package io.pilotcheck.store.sql;

import io.pilotcheck.store.NewSubmission;
import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.Source;
import io.pilotcheck.store.DossierEntry;

import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.SubmissionStore;

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
        try (SqlSubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")))) {
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
            Map<String, DossierEntry> latest = store.latest(Scope.all(), List.of("乌海市", "沈阳市", "大连市", "嘉兴市"));
            assertThat(latest).hasSize(4);

            AtomicInteger statements = store.countStatements();
            Map<DossierEntry, List<String>> violated = store.rules(latest.values(), Severity.VIOLATION);
            assertThat(statements.get()).as("statements for four pilots' violated rules").isEqualTo(1);
            assertThat(violated.get(latest.get("大连市"))).contains("LCP-STAR-01", "LCP-PLAN-01");
            assertThat(violated.get(latest.get("沈阳市"))).isEmpty();

            statements.set(0);
            List<SubmissionStore.Listed> listed = store.submissions(Scope.all(), new SubmissionStore.Query(null, null, null, 50, null));
            assertThat(statements.get()).as("statements for a list of four submissions").isEqualTo(2);
            assertThat(listed).hasSize(4).allSatisfy(l -> assertThat(l.cities()).hasSize(1));
        }
    }

    /**
     * A scope narrower than every pilot narrows every read: a province's reviewer and a city's
     * submitter see their own pilots' submissions, files and evaluations, and nothing else exists.
     */
    @Test
    void everyReadKeepsToTheCallersScope(@TempDir Path tmp) throws Exception {
        try (SqlSubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")))) {
            Map<String, String> ids = new java.util.LinkedHashMap<>();
            for (String f : List.of("fixtures/01-wuhai.yaml", "fixtures/02-shenyang.yaml", "fixtures/03-dalian.yaml")) {
                byte[] bytes = Files.readAllBytes(Path.of(f));
                BatchResult batch = Check.runToEnd(CheckRequest.of(TestRules.book(), List.of(DossierInput.bytes(f, bytes)))
                        .withJobs(1)).batch();
                Instant at = Instant.now();
                ids.put(f, store.record(new NewSubmission(at, null, Source.API, List.of(new NewSubmission.SubmittedFile(f, bytes)),
                        new EvaluationRecord(at, EvaluationRecord.SUBMITTED, "sha256:x", 33, "0.1.0", null, batch))));
            }
            Scope liaoning = Scope.provinces(List.of("辽宁"));
            Scope dalian = Scope.city("大连市");
            List<String> cities = List.of("乌海市", "沈阳市", "大连市");
            assertThat(store.latest(Scope.all(), cities)).containsOnlyKeys(cities);
            assertThat(store.latest(liaoning, cities)).containsOnlyKeys("沈阳市", "大连市");
            assertThat(store.latest(dalian, cities)).containsOnlyKeys("大连市");
            assertThat(store.history(dalian, "沈阳市", 10, null)).isEmpty();
            assertThat(store.history(liaoning, "沈阳市", 10, null)).hasSize(1);

            String wuhai = ids.get("fixtures/01-wuhai.yaml");
            String dalianId = ids.get("fixtures/03-dalian.yaml");
            assertThat(store.submission(liaoning, wuhai)).isEmpty();
            assertThat(store.submission(Scope.all(), wuhai)).isPresent();
            assertThat(store.file(dalian, wuhai, "fixtures/01-wuhai.yaml")).isEmpty();
            assertThat(store.file(dalian, dalianId, "fixtures/03-dalian.yaml")).isPresent();
            String wuhaiEvaluation = store.submission(Scope.all(), wuhai).orElseThrow().latest().id();
            assertThat(store.evaluation(liaoning, wuhaiEvaluation)).isEmpty();
            assertThat(store.evaluation(liaoning, wuhaiEvaluation, 0)).isEmpty();
            assertThat(store.evaluation(Scope.all(), wuhaiEvaluation)).isPresent();
            assertThat(store.ids(liaoning)).containsExactly(ids.get("fixtures/02-shenyang.yaml"), dalianId);
            assertThat(store.submissions(dalian, new SubmissionStore.Query(null, null, null, 50, null)))
                    .extracting(SubmissionStore.Listed::id).containsExactly(dalianId);
            assertThat(store.submissions(Scope.provinces(List.of("内蒙古")),
                    new SubmissionStore.Query(null, null, null, 50, null))).extracting(SubmissionStore.Listed::id)
                    .containsExactly(wuhai);
        }
    }
}
