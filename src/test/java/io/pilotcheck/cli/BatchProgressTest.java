package io.pilotcheck.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress bar appears only for a batch that runs past its delay, and only on a terminal. */
class BatchProgressTest {

    @Test
    void aSlowBatchOnATerminalGetsABarAQuickOneDoesNot() {
        AtomicLong now = new AtomicLong(0);
        ByteArrayOutputStream slowOut = new ByteArrayOutputStream();
        try (BatchProgress p = new BatchProgress(100, "检查档案", new PrintStream(slowOut, true, StandardCharsets.UTF_8),
                now::get, 700)) {
            for (int i = 1; i <= 100; i++) {
                now.addAndGet(20); // 20 ms a dossier: past the delay after 35
                p.accept(i);
            }
        }
        assertThat(slowOut.toString(StandardCharsets.UTF_8)).contains("检查档案").contains("/100");

        now.set(0);
        ByteArrayOutputStream quickOut = new ByteArrayOutputStream();
        try (BatchProgress p = new BatchProgress(100, "检查档案", new PrintStream(quickOut, true, StandardCharsets.UTF_8),
                now::get, 700)) {
            for (int i = 1; i <= 100; i++) {
                now.addAndGet(1);
                p.accept(i);
            }
        }
        assertThat(quickOut.size()).isZero();
    }

    @Test
    void withoutATerminalNothingIsDrawnAndTestsAreNotOne() {
        try (BatchProgress p = new BatchProgress(10, "x", null, System::currentTimeMillis, 0)) {
            p.accept(1); // would throw if it tried to draw on a null stream
        }
        assertThat(BatchProgress.stderrIsTerminal()).isFalse(); // surefire's stderr is a pipe
    }
}
