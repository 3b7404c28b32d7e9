package io.pilotcheck.store.sql;

import io.pilotcheck.store.NewSubmission;
import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.Source;
import io.pilotcheck.store.SubmissionStore;

import io.pilotcheck.registry.Scope;

import io.pilotcheck.TestRules;
import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.BatchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The embedded store on a disk that fills up: a submission then is refused (503 to a client),
 * and once space is freed the store keeps submissions again, without a restart. The disk is a
 * small tmpfs mounted for the test, which needs root (as the tests run on CI).
 */
class DiskFullTest {

    @TempDir
    Path tmp;

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    private static NewSubmission submission(int n) throws Exception {
        byte[] dalian = (Files.readString(Path.of("fixtures/03-dalian.yaml")) + "# " + n + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        BatchResult batch = Check.runToEnd(CheckRequest.of(TestRules.book(), List.of(DossierInput.bytes("d.yaml", dalian)))
                .withJobs(1)).batch();
        Instant at = Instant.now();
        return new NewSubmission(at, null, Source.API, List.of(new NewSubmission.SubmittedFile("d.yaml", dalian)),
                new EvaluationRecord(at, EvaluationRecord.SUBMITTED, "sha256:x", 33, "0.1.0", null, batch));
    }

    @Test
    void aFullDiskRefusesSubmissionsAndFreedSpaceBringsTheStoreBack() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", disk.toString()), "mounting a tmpfs needs root");
        try {
            try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(disk.resolve("data")))) {
                store.record(submission(0));
                Path filler = disk.resolve("filler");
                try (OutputStream out = Files.newOutputStream(filler)) {
                    byte[] block = new byte[64 * 1024];
                    while (true) {
                        out.write(block);
                    }
                } catch (IOException full) {
                    // the disk is full
                }
                assertThatThrownBy(() -> {
                    for (int i = 1; i < 50; i++) {
                        store.record(submission(i));
                    }
                }).isInstanceOf(RuntimeException.class);
                Files.delete(filler);
                String kept = null;
                for (int attempt = 0; attempt < 50 && kept == null; attempt++) {
                    try {
                        kept = store.record(submission(100 + attempt));
                    } catch (StoreUnavailable stillFailing) {
                        Thread.sleep(100);
                    }
                }
                assertThat(kept).as("a submission kept once space is freed, without a restart").isNotNull();
                assertThat(store.submission(Scope.all(), kept)).isPresent();
            }
        } finally {
            run("umount", "-l", disk.toString());
        }
    }
}
