package io.pilotcheck.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * A progress bar for a batch that takes more than a moment: drawn (by the progressbar library)
 * on stderr only when stderr is a terminal, and only once the batch has run for {@link #DELAY_MS}
 * without finishing, so quick runs, pipes, files and CI logs stay clean.
 */
final class BatchProgress implements IntConsumer, AutoCloseable {

    /** How long a batch runs before it earns a bar. */
    static final long DELAY_MS = 700;

    private final int total;
    private final String task;
    private final PrintStream terminal;
    private final LongSupplier clock;
    private final long start;
    private final long delayMs;
    private ProgressBar bar;

    BatchProgress(int total, String task, PrintStream terminal, LongSupplier clockMs, long delayMs) {
        this.total = total;
        this.task = task;
        this.terminal = terminal;
        this.clock = clockMs;
        this.start = clockMs.getAsLong();
        this.delayMs = delayMs;
    }

    /** A bar on the process's stderr when it is a terminal, else one that never draws. */
    static BatchProgress onStderr(int total, String task, boolean wanted) {
        return new BatchProgress(total, task, wanted && stderrIsTerminal() ? System.err : null,
                System::currentTimeMillis, DELAY_MS);
    }

    @Override
    public void accept(int done) {
        if (terminal == null) {
            return;
        }
        if (bar == null && done < total && clock.getAsLong() - start >= delayMs) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal, 100)).setUpdateIntervalMillis(200)
                    .showSpeed().clearDisplayOnFinish().build();
        }
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /**
     * Whether file descriptor 2 is a terminal. Java 17 can only ask about the console as a whole
     * ({@code System.console()} is null once stdout is redirected, as in {@code check -f json > r.json},
     * where a bar on stderr is still wanted), so on Linux the descriptor's target is read.
     */
    static boolean stderrIsTerminal() {
        if (System.getenv("TERM") == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false;
        }
        return System.console() != null;
    }
}
