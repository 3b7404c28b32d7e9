package io.pilotcheck.store.sql;

import io.pilotcheck.store.NewSubmission;
import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.Source;
import io.pilotcheck.store.StoredSubmission;
import io.pilotcheck.store.TestDatabases;

import io.pilotcheck.registry.Scope;

import io.pilotcheck.TestRules;
import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.report.ReportFormats;
import io.pilotcheck.report.ReportHeader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The store on H2 and on a real PostgreSQL: what goes in comes back, whole and unchanged. */
class SqlSubmissionStoreTest {

    @TempDir
    Path tmp;

    private static List<Path> fixtures() throws Exception {
        try (Stream<Path> all = Files.list(Path.of("fixtures"))) {
            return all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static NewSubmission submission(List<Path> files, String submitter) throws Exception {
        return submission(files, submitter, List.of());
    }

    private static NewSubmission submission(List<Path> files, String submitter, List<io.pilotcheck.finding.Waiver> waivers)
            throws Exception {
        List<NewSubmission.SubmittedFile> kept = new ArrayList<>();
        List<DossierInput> inputs = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            kept.add(new NewSubmission.SubmittedFile(f.toString(), bytes));
            inputs.add(DossierInput.bytes(f.toString(), bytes));
        }
        BatchResult batch = Check.run(CheckRequest.of(TestRules.book(), inputs).withJobs(1).withWaivers(waivers)).batch();
        return new NewSubmission(Instant.parse("2026-11-30T10:15:00Z"), submitter, Source.API, kept,
                new EvaluationRecord(Instant.parse("2026-11-30T10:15:01Z"), EvaluationRecord.SUBMITTED,
                        TestRules.book().fingerprint(), TestRules.book().rules().size(), "0.1.0", null, batch));
    }

    private static byte[] json(BatchResult batch) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormats.find("json").orElseThrow().write(batch, Check.reportContext(TestRules.book(),
                ReportHeader.of(LocalDate.parse("2026-11-30"), null), Language.ZH, Severity.VIOLATION), out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void aSubmissionComesBackWholeItsFilesByteForByteAndItsReportUnchanged(StoreLocation.Kind kind) throws Exception {
        java.util.function.BiFunction<String, String, io.pilotcheck.finding.Waiver> waiver = (rule, expires) ->
                new io.pilotcheck.finding.Waiver("嘉兴市", rule, null, "修订方案已报省发改委待转报", "气候处 张三",
                        LocalDate.parse(expires), new io.pilotcheck.source.SourceLocation("waivers.yaml", 2, 5));
        // one waiver applied, one run out, one that matches nothing: what became of each is kept with the findings
        NewSubmission sent = submission(fixtures(), "辽宁省发展改革委 王五", List.of(waiver.apply("LCP-STAR-02", "2099-12-31"),
                waiver.apply("LCP-PLAN-01", "2001-01-01"), waiver.apply("LCP-NOSUCH-01", "2099-12-31")));
        assertThat(sent.evaluation().batch().waivers()).extracting(io.pilotcheck.finding.WaiverUse::status)
                .contains(io.pilotcheck.finding.WaiverUse.Status.APPLIED, io.pilotcheck.finding.WaiverUse.Status.UNUSED);
        try (SqlSubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp))) {
            String id = store.record(sent);
            StoredSubmission kept = store.submission(Scope.all(), id).orElseThrow();
            assertThat(kept.submitter()).isEqualTo("辽宁省发展改革委 王五");
            assertThat(kept.received()).isEqualTo(sent.received());
            assertThat(kept.source()).isEqualTo(Source.API);
            assertThat(kept.files()).extracting(StoredSubmission.File::name)
                    .containsExactlyElementsOf(sent.files().stream().map(NewSubmission.SubmittedFile::name).toList());
            for (NewSubmission.SubmittedFile f : sent.files()) {
                assertThat(store.file(Scope.all(), id, f.name())).hasValueSatisfying(b -> assertThat(b).isEqualTo(f.bytes()));
            }
            assertThat(kept.evaluations()).hasSize(1);
            EvaluationRecord evaluation = store.evaluation(Scope.all(), kept.latest().id()).orElseThrow();
            assertThat(evaluation.rulesFingerprint()).isEqualTo(TestRules.book().fingerprint());
            assertThat(new String(json(evaluation.batch()), "UTF-8"))
                    .isEqualTo(new String(json(sent.evaluation().batch()), "UTF-8"));
            assertThat(evaluation.batch().waivers()).hasSize(3).isEqualTo(sent.evaluation().batch().waivers());
            assertThat(store.submission(Scope.all(), "nosuchid")).isEmpty();
            assertThat(store.file(Scope.all(), id, "fixtures/nosuch.yaml")).isEmpty();
            assertThat(store.problem()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void concurrentSubmissionsOfOnePilotAreAllKeptAndNewBytesSentByEightAtOnceAreKeptOnce(StoreLocation.Kind kind) throws Exception {
        NewSubmission dalian = submission(List.of(Path.of("fixtures/03-dalian.yaml")), null);
        try (SqlSubmissionStore store = SqlSubmissionStore.open(TestDatabases.fresh(kind, tmp))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<String> kept = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                // bytes no submission had before, sent by every client at once: the same row is inserted eight times
                byte[] fresh = ("# round " + round + "\n" + Files.readString(Path.of("fixtures/03-dalian.yaml")))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                NewSubmission same = new NewSubmission(dalian.received(), null, Source.API,
                        List.of(new NewSubmission.SubmittedFile("dalian.yaml", fresh)), dalian.evaluation());
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
                List<Future<String>> ids = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    ids.add(pool.submit(() -> {
                        start.await();
                        return store.record(same);
                    }));
                }
                for (Future<String> id : ids) {
                    kept.add(id.get());
                }
            }
            pool.shutdown();
            assertThat(kept).doesNotHaveDuplicates().hasSize(80);
            for (String id : kept) {
                assertThat(store.submission(Scope.all(), id)).isPresent();
            }
            assertThat(store.storedBytes()).isEqualTo(10 * Files.size(Path.of("fixtures/03-dalian.yaml")) + 10 * "# round 0\n".length());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void theStoreKeepsWhatItWasGivenAcrossAReopening(StoreLocation.Kind kind) throws Exception {
        StoreLocation where = TestDatabases.fresh(kind, tmp);
        String id;
        try (SqlSubmissionStore store = SqlSubmissionStore.open(where)) {
            id = store.record(submission(List.of(Path.of("fixtures/03-dalian.yaml")), "a"));
        }
        try (SqlSubmissionStore again = SqlSubmissionStore.open(where)) {
            assertThat(again.submission(Scope.all(), id)).hasValueSatisfying(s -> assertThat(s.submitter()).isEqualTo("a"));
        }
    }
}
