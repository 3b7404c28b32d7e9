package io.pilotcheck.cli;

import io.pilotcheck.store.sql.SqlSubmissionStore;

import io.pilotcheck.registry.Scope;

import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.pilotcheck.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code check --record} keeps a batch in the store serve uses; {@code history} prints a pilot's timeline. */
class RecordAndHistoryTest {

    @TempDir
    Path tmp;

    private List<String> store(StoreLocation.Kind kind, StoreLocation where) {
        return kind == StoreLocation.Kind.SQLITE ? List.of("--data", tmp.resolve("data").toString()) : List.of("--db", where.url());
    }

    private static String[] args(List<String> store, String... rest) {
        List<String> all = new ArrayList<>(List.of(rest));
        all.addAll(1, store);
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource("io.pilotcheck.store.TestDatabases#kinds")
    void twoRecordedBatchesMakeAPilotsHistoryWithWhatChanged(StoreLocation.Kind kind) throws Exception {
        StoreLocation where = TestDatabases.fresh(kind, tmp);
        List<String> store = store(kind, where);
        String v1 = Files.readString(Path.of("fixtures/03-dalian.yaml"));
        Path q2 = Files.writeString(Files.createDirectories(tmp.resolve("q2")).resolve("dalian.yaml"), v1);
        Path q3 = Files.writeString(Files.createDirectories(tmp.resolve("q3")).resolve("dalian.yaml"),
                v1.replace("adopted: 2018-02-01", "adopted: 2017-12-01"));

        CliTest.Run first = run(args(store, "check", "--record", "--submitter", "王五", q2.toString()));
        assertThat(first.code()).isEqualTo(1); // the findings decide the exit, as without --record
        assertThat(first.err()).contains("已保存为提交");
        CliTest.Run second = run(args(store, "check", "--record", "-f", "json", q3.toString()));
        assertThat(second.out()).contains("\"dossiers\" : 1"); // the report is as without --record

        CliTest.Run history = run(args(store, "history", "Dalian"));
        assertThat(history.code()).isZero();
        assertThat(history.out()).contains("大连市（辽宁省）：已保存 2 次提交").contains("cli 王五")
                .contains("    - LCP-PLAN-01 大连市于 2018-02-01 通过低碳发展规划");
        // the newest one only: it still shows its change against the one before, and says older ones are left out
        CliTest.Run newest = run(args(store, "history", "--limit", "1", "Dalian"));
        assertThat(newest.out()).contains("最近的 1 次提交，更早的未列出").doesNotContain("cli 王五")
                .contains("    - LCP-PLAN-01 大连市于 2018-02-01 通过低碳发展规划");
        assertThat(run(args(store, "history", "--limit", "-1", "Dalian")).err()).contains("--limit 应为 0");
        try (SubmissionStore opened = SqlSubmissionStore.open(kind == StoreLocation.Kind.SQLITE
                ? StoreLocation.embedded(tmp.resolve("data")) : where)) {
            String id = opened.ids(Scope.all()).get(0);
            assertThat(opened.file(Scope.all(), id, q2.toString())).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo(v1));
        }
    }

    @Test
    void exportThenImportIntoAnEmptyStoreGivesTheSameHistory() throws Exception {
        Path from = tmp.resolve("from");
        Path to = tmp.resolve("to");
        assertThat(run("check", "--record", "--data", from.toString(), "fixtures/03-dalian.yaml").code()).isEqualTo(1);
        assertThat(run("check", "--record", "--data", from.toString(), "fixtures/").code()).isEqualTo(1);
        Path zip = tmp.resolve("backup.zip");
        CliTest.Run export = run("export", "--data", from.toString(), "-o", zip.toString());
        assertThat(export.code()).isZero();
        assertThat(export.err()).contains("2 次提交");
        CliTest.Run imported = run("import", "--data", to.toString(), zip.toString());
        assertThat(imported.code()).isZero();
        assertThat(imported.err()).contains("新增 2 次提交，0 次已存在");
        String history = run("history", "--data", from.toString(), "大连市").out();
        // the same dossier twice, the second time third in a folder: nothing changed between them
        assertThat(history).contains("已保存 2 次提交").doesNotContain("    - ").doesNotContain("    + ").doesNotContain("    ~ ");
        assertThat(run("history", "--data", to.toString(), "大连市").out()).isEqualTo(history);
        CliTest.Run notAnExport = run("import", "--data", to.toString(), "fixtures/03-dalian.yaml");
        assertThat(notAnExport.code()).isEqualTo(2);
        assertThat(notAnExport.err()).contains("无法把 fixtures/03-dalian.yaml 导入记录库");
    }

    @Test
    void aStoreThatCannotBeOpenedIsSaidAndTheExitIsTwo() {
        CliTest.Run r = run("check", "--record", "--db", "jdbc:mysql://nowhere/db", "fixtures/03-dalian.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("已检查，但无法保存到记录库");
        CliTest.Run h = run("history", "--data", tmp.resolve("empty").toString(), "深圳市");
        assertThat(h.code()).isEqualTo(2);
        assertThat(h.err()).contains("不是附件所列 45 个试点之一");
    }

    /**
     * check --record read each file again to keep it, possibly other bytes than those checked;
     * a FIFO, which gives its bytes once, made the second read wait for ever.
     */
    @Test
    void theBytesRecordedAreTheBytesChecked() throws Exception {
        java.nio.file.Path fifo = tmp.resolve("03-dalian.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        byte[] dalian = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("fixtures/03-dalian.yaml"));
        Thread writer = new Thread(() -> {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(fifo)) {
                out.write(dalian);
            } catch (java.io.IOException e) {
                // the test fails on what was recorded
            }
        });
        writer.setDaemon(true);
        writer.start();
        java.nio.file.Path data = tmp.resolve("data");
        java.util.concurrent.CompletableFuture<CliTest.Run> recording = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                run("check", "--record", "--data", data.toString(), fifo.toString()));
        CliTest.Run r = recording.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        try (io.pilotcheck.store.SubmissionStore store = io.pilotcheck.store.sql.SqlSubmissionStore.open(
                io.pilotcheck.store.sql.StoreLocation.embedded(data))) {
            String id = store.ids(Scope.all()).get(0);
            assertThat(store.file(Scope.all(), id, fifo.toString())).hasValue(dalian);
        }
    }
}
