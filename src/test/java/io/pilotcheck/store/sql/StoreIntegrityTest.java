package io.pilotcheck.store.sql;

import io.pilotcheck.store.NewSubmission;
import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.StoreDamaged;
import io.pilotcheck.store.Source;
import io.pilotcheck.store.SubmissionStore;

import io.pilotcheck.registry.Scope;

import io.pilotcheck.TestRules;
import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.cli.CliTest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.BatchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An embedded store whose file was damaged once opened silently with older data (bytes flipped
 * mid-file: 4 of 6 submissions; cut to a third: 1 of 6). Now it is refused, with what is missing
 * and what to do, and serve, history and export end with exit 2.
 */
class StoreIntegrityTest {

    @TempDir
    Path tmp;

    private Path storeOfSix() throws Exception {
        Path data = tmp.resolve("data");
        byte[] dalian = Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
        BatchResult batch = Check.runToEnd(CheckRequest.of(TestRules.book(), List.of(DossierInput.bytes("03-dalian.yaml", dalian)))
                .withJobs(1)).batch();
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(data))) {
            for (int i = 0; i < 6; i++) {
                // a file each time, different bytes, so that the file grows by a chunk a submission
                byte[] bytes = (new String(dalian, java.nio.charset.StandardCharsets.UTF_8) + "# " + i + "\n".repeat(1 + i * 200))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                Instant at = Instant.parse("2026-03-31T08:00:00Z").plusSeconds(i * 3600L);
                store.record(new NewSubmission(at, null, Source.API, List.of(new NewSubmission.SubmittedFile("03-dalian.yaml", bytes)),
                        new EvaluationRecord(at, EvaluationRecord.SUBMITTED, "sha256:x", 33, "0.1.0", null, batch)));
                Thread.sleep(5); // ids are time-ordered
            }
            assertThat(store.ids(Scope.all())).hasSize(6);
        }
        return data;
    }

    private static Path file(Path data) {
        return data.resolve("pilotcheck.db");
    }

    @Test
    void aSoundStoreReopensWithEverySubmissionAndKeepsItsMark() throws Exception {
        Path data = storeOfSix();
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(data))) {
            assertThat(store.ids(Scope.all())).hasSize(6);
        }
        assertThat(data.resolve("pilotcheck.mark")).exists();
    }

    @Test
    void aFileCutShortIsRefusedAndEveryCommandSaysSo() throws Exception {
        Path data = storeOfSix();
        try (RandomAccessFile f = new RandomAccessFile(file(data).toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        assertThatThrownBy(() -> SqlSubmissionStore.open(StoreLocation.embedded(data)).close())
                .isInstanceOf(StoreUnavailable.class);
        CliTest.Run history = CliTest.run("history", "--lang", "en", "--data", data.toString(), "大连市");
        assertThat(history.code()).isEqualTo(2);
        assertThat(history.err()).contains(data.toString()).doesNotContain("\tat ");
        CliTest.Run export = CliTest.run("export", "--lang", "en", "--data", data.toString(), "-o", tmp.resolve("b.zip").toString());
        assertThat(export.code()).isEqualTo(2);
        CompletableFuture<CliTest.Run> serve = CompletableFuture.supplyAsync(() ->
                CliTest.run("serve", "--lang", "en", "--port", "0", "--data", data.toString()));
        CliTest.Run served = serve.get(60, TimeUnit.SECONDS);
        assertThat(served.code()).isEqualTo(2);
        assertThat(served.err()).contains("cannot open the store of submissions");
    }

    /** Damaged pages (a failing disk's sectors): the first bytes of each page of the last third, where the newest rows are. */
    @Test
    void damagedPagesAreRefusedAtOpen() throws Exception {
        Path data = storeOfSix();
        long size = Files.size(file(data));
        try (RandomAccessFile f = new RandomAccessFile(file(data).toFile(), "rw")) {
            for (long page = (size * 2 / 3) / 4096 * 4096; page < size; page += 4096) {
                for (int i = 0; i < 8; i++) {
                    f.seek(page + i);
                    int b = f.read();
                    f.seek(page + i);
                    f.write(b ^ 0xFF);
                }
            }
        }
        assertThatThrownBy(() -> SqlSubmissionStore.open(StoreLocation.embedded(data)).close())
                .isInstanceOf(StoreUnavailable.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("damaged", "orrupt", "malformed"));
    }

    /**
     * Bytes flipped inside a kept file's content leave the database's structure whole, so it
     * opens; the file's bytes no longer hash to the SHA-256 they are kept under, and reading it
     * says the store is damaged rather than handing on other bytes than were received.
     */
    @Test
    void aKeptFileWhoseBytesChangedIsRefusedWhenRead() throws Exception {
        Path data = storeOfSix();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(StoreLocation.embedded(data).url());
             java.sql.Statement st = c.createStatement()) {
            // as a flipped bit inside the row would: the content changes, its key does not
            st.executeUpdate("UPDATE stored_file SET content = CAST(REPLACE(CAST(content AS TEXT), 'city', 'citz') AS BLOB)");
        }
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(data))) {
            String id = store.ids(Scope.all()).get(0);
            assertThatThrownBy(() -> store.file(Scope.all(), id, "03-dalian.yaml")).isInstanceOf(StoreDamaged.class)
                    .hasMessageContaining("no longer has the bytes it was kept with");
        }
    }

    /** The file SQLite reads cleanly but that ends before what the store acknowledged: only the mark tells. */
    @Test
    void anOlderCopyOfTheFileIsRefusedByTheMarkAndServedOnceTheMarkIsRemoved() throws Exception {
        Path data = storeOfSix();
        Path older = tmp.resolve("older.db");
        Files.copy(file(data), older);
        // three more submissions, then the older file put back, as a careless restore would
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(data))) {
            byte[] dalian = Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
            BatchResult batch = Check.runToEnd(CheckRequest.of(TestRules.book(), List.of(DossierInput.bytes("a.yaml", dalian)))
                    .withJobs(1)).batch();
            Instant at = Instant.now();
            store.record(new NewSubmission(at, null, Source.API, List.of(new NewSubmission.SubmittedFile("a.yaml", dalian)),
                    new EvaluationRecord(at, EvaluationRecord.SUBMITTED, "sha256:x", 33, "0.1.0", null, batch)));
        }
        Files.copy(older, file(data), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> SqlSubmissionStore.open(StoreLocation.embedded(data)).close())
                .isInstanceOf(StoreDamaged.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("an older copy").contains("pilotcheck.mark"));
        Files.delete(data.resolve("pilotcheck.mark"));
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(data))) {
            assertThat(store.ids(Scope.all())).hasSize(6);
        }
    }
}
