package io.pilotcheck.store;

import io.pilotcheck.store.sql.StoreLocation;

import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.sql.SqlSubmissionStore;

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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** Export and import: a store rebuilt from its archive, from H2 into PostgreSQL and back, holds exactly what it held. */
class StoreArchiveTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> directions() {
        return Stream.of(Arguments.of(StoreLocation.Kind.SQLITE, StoreLocation.Kind.POSTGRESQL),
                Arguments.of(StoreLocation.Kind.POSTGRESQL, StoreLocation.Kind.SQLITE),
                Arguments.of(StoreLocation.Kind.SQLITE, StoreLocation.Kind.SQLITE));
    }

    private static NewSubmission submission(String received, String... files) throws Exception {
        List<NewSubmission.SubmittedFile> kept = new java.util.ArrayList<>();
        List<DossierInput> inputs = new java.util.ArrayList<>();
        for (String f : files) {
            byte[] bytes = Files.readAllBytes(Path.of(f));
            kept.add(new NewSubmission.SubmittedFile(f, bytes));
            inputs.add(DossierInput.bytes(f, bytes));
        }
        // a waiver for Jiaxing: applied in Jiaxing's submission, not applicable in the others', kept either way
        io.pilotcheck.finding.Waiver jiaxing = new io.pilotcheck.finding.Waiver("嘉兴市", "LCP-STAR-02", null, "修订方案已报",
                "气候处 张三", LocalDate.parse("2099-12-31"), new io.pilotcheck.source.SourceLocation("waivers.yaml", 2, 5));
        BatchResult batch = Check.runToEnd(CheckRequest.of(TestRules.book(), inputs).withJobs(1)
                .withAsOf(LocalDate.parse("2020-06-30")).withWaivers(List.of(jiaxing))).batch();
        assertThat(batch.waivers()).hasSize(1);
        Instant at = Instant.parse(received);
        return new NewSubmission(at, "王五", Source.CLI, kept, new EvaluationRecord(at, EvaluationRecord.SUBMITTED,
                "sha256:older", 30, "0.0.9", LocalDate.parse("2020-06-30"), batch));
    }

    private static String json(EvaluationRecord e) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormats.find("json").orElseThrow().write(e.batch(), Check.reportContext(TestRules.book(),
                ReportHeader.of(LocalDate.parse("2026-12-01"), e.asOf()), Language.EN, Severity.VIOLATION,
                e.toolVersion(), e.ruleCount(), e.rulesFingerprint()), out);
        return out.toString("UTF-8");
    }

    @ParameterizedTest
    @MethodSource("directions")
    void aStoreRebuiltFromItsExportHoldsExactlyWhatItHeld(StoreLocation.Kind from, StoreLocation.Kind to) throws Exception {
        Path archive = tmp.resolve("backup.zip");
        List<String> ids;
        try (SubmissionStore source = SqlSubmissionStore.open(TestDatabases.fresh(from, tmp))) {
            source.record(submission("2026-03-31T08:00:00Z", "fixtures/03-dalian.yaml", "fixtures/01-wuhai.yaml"));
            String second = source.record(submission("2026-06-30T08:00:00Z", "fixtures/03-dalian.yaml"));
            source.record(submission("2026-09-30T08:00:00Z", "fixtures/08-jiaxing.yaml"));
            new io.pilotcheck.app.Application(TestRules::book, () -> source).rechecks().latestUnderOlderRules(Scope.all(), io.pilotcheck.words.Language.ZH); // the second gets a second evaluation
            assertThat(source.submission(Scope.all(), second).orElseThrow().evaluations()).hasSize(2);
            // a published rule set, and what the rules said, travel with the submissions
            io.pilotcheck.app.RuleSets.of(source).publish(TestRules.book(), "王五", "第一版", Instant.parse("2026-10-01T08:00:00Z"));
            assertThat(source.ruleSets()).hasSize(1);
            assertThat(source.ruleEditions()).isNotEmpty();
            try (OutputStream out = Files.newOutputStream(archive)) {
                assertThat(StoreArchive.export(source, "0.1.0", out)).isEqualTo(3);
            }
            ids = source.ids(Scope.all());
            try (SubmissionStore target = SqlSubmissionStore.open(TestDatabases.fresh(to, tmp.resolve("to")))) {
                try (ZipFile zip = new ZipFile(archive.toFile())) {
                    assertThat(StoreArchive.importInto(target, zip)).isEqualTo(new StoreArchive.Imported(3, 0));
                    assertThat(StoreArchive.importInto(target, zip)).isEqualTo(new StoreArchive.Imported(0, 3));
                }
                assertThat(target.ids(Scope.all())).isEqualTo(ids);
                assertThat(target.ruleSets()).isEqualTo(source.ruleSets());
                assertThat(target.ruleSetFiles(1).orElseThrow()).containsOnlyKeys(source.ruleSetFiles(1).orElseThrow().keySet());
                source.ruleSetFiles(1).orElseThrow().forEach((path, bytes) ->
                        assertThat(target.ruleSetFiles(1).orElseThrow().get(path)).as(path).isEqualTo(bytes));
                assertThat(target.ruleEditions()).isEqualTo(source.ruleEditions());
                assertThat(target.storedBytes()).isEqualTo(source.storedBytes());
                for (String id : ids) {
                    StoredSubmission a = source.submission(Scope.all(), id).orElseThrow();
                    StoredSubmission b = target.submission(Scope.all(), id).orElseThrow();
                    assertThat(b).isEqualTo(a);
                    for (StoredSubmission.File f : a.files()) {
                        assertThat(target.file(Scope.all(), id, f.name()).orElseThrow()).isEqualTo(source.file(Scope.all(), id, f.name()).orElseThrow());
                    }
                    for (StoredSubmission.Evaluation e : a.evaluations()) {
                        assertThat(json(target.evaluation(Scope.all(), e.id()).orElseThrow())).isEqualTo(json(source.evaluation(Scope.all(), e.id()).orElseThrow()));
                    }
                }
            }
        }
    }
}
