package io.pilotcheck.app;

import io.pilotcheck.store.NewSubmission;
import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.Source;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import io.pilotcheck.store.sql.StoreLocation;

import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.sql.SqlSubmissionStore;

import io.pilotcheck.TestRules;
import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.BatchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two re-checks at once once re-checked everything twice: 45 duplicate evaluations, on H2 and PostgreSQL. */
class RecheckConcurrencyTest {

    @TempDir
    Path tmp;

    static StoreLocation.Kind[] kinds() {
        return TestDatabases.kinds();
    }

    private static NewSubmission older(String file) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(file));
        BatchResult batch = Check.runToEnd(CheckRequest.of(TestRules.book(), List.of(DossierInput.bytes(file, bytes))).withJobs(1)).batch();
        Instant at = Instant.parse("2026-03-31T08:00:00Z");
        return new NewSubmission(at, null, Source.API, List.of(new NewSubmission.SubmittedFile(file, bytes)),
                new EvaluationRecord(at, EvaluationRecord.SUBMITTED, "sha256:older", 30, "0.0.9", null, batch));
    }

    private static int evaluations(SubmissionStore store) {
        return store.ids(Scope.all()).stream().mapToInt(id -> store.submission(Scope.all(), id).orElseThrow().evaluations().size()).sum();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoReChecksAtOnceAddOneEvaluationEach(StoreLocation.Kind kind) throws Exception {
        try (SubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp))) {
            for (String f : List.of("fixtures/01-wuhai.yaml", "fixtures/03-dalian.yaml", "fixtures/08-jiaxing.yaml")) {
                store.record(older(f));
            }
            ExecutorService two = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(() -> {
                    go.await();
                    return new Application(TestRules::book, () -> store).rechecks().latestUnderOlderRules(Scope.all(), io.pilotcheck.words.Language.ZH).submissions();
                }));
            }
            go.countDown();
            int rechecked = 0;
            for (Future<List<String>> r : runs) {
                rechecked += r.get().size();
            }
            two.shutdown();
            assertThat(rechecked).as("submissions the two runs re-checked between them").isEqualTo(3);
            assertThat(evaluations(store)).isEqualTo(6);
        }
    }

    /** Two instances on one PostgreSQL share no lock but the database's: the submission's row. */
    @Test
    void twoInstancesAddingTheSameEvaluationAtOnceAddOne() throws Exception {
        StoreLocation where = TestDatabases.freshPostgres();
        try (SubmissionStore a = SqlSubmissionStore.open(where); SubmissionStore b = SqlSubmissionStore.open(where)) {
            String id = a.record(older("fixtures/03-dalian.yaml"));
            EvaluationRecord again = Submissions.evaluation(Instant.now(), EvaluationRecord.RECHECK, TestRules.book().fingerprint(),
                    TestRules.book().rules().size(), null,
                    a.evaluation(Scope.all(), a.submission(Scope.all(), id).orElseThrow().latest().id()).orElseThrow().batch());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SubmissionStore s = i % 2 == 0 ? a : b;
                tries.add(pool.submit(() -> {
                    go.await();
                    return s.addEvaluationUnlessCurrent(id, again).isPresent();
                }));
            }
            go.countDown();
            int added = 0;
            for (Future<Boolean> t : tries) {
                added += t.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(added).isEqualTo(1);
            assertThat(a.submission(Scope.all(), id).orElseThrow().evaluations()).hasSize(2);
        }
    }
}
