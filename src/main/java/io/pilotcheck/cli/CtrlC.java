package io.pilotcheck.cli;

import io.pilotcheck.words.Language;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT) during a batch: the first press asks the batch to stop after the dossier in
 * hand, so the run ends with a message and {@link ExitCode#INTERRUPTED} instead of dying halfway
 * through a report; a second press exits at once (shutdown hooks still delete temporary files).
 * Outside the {@code try} that holds it, Ctrl-C has its usual meaning again, which is how
 * {@code --watch} is stopped.
 *
 * <p>{@code sun.misc.Signal} is the JDK's only signal API; where it is missing (not HotSpot, or
 * {@code -Xrs}), Ctrl-C keeps its default and the run simply ends.
 */
final class CtrlC implements AutoCloseable {

    private final AtomicInteger presses = new AtomicInteger();
    private SignalHandler previous;

    private CtrlC(PrintWriter err, Language lang) {
        SignalHandler before;
        try {
            before = Signal.handle(new Signal("INT"), sig -> pressed(err, lang));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            before = null;
        }
        this.previous = before;
    }

    /** Catches Ctrl-C until {@link #close()}. */
    static CtrlC catchWhileChecking(PrintWriter err, Language lang) {
        return new CtrlC(err, lang);
    }

    /** True once Ctrl-C has been pressed. */
    boolean pressed() {
        return presses.get() > 0;
    }

    private void pressed(PrintWriter err, Language lang) {
        if (presses.incrementAndGet() > 1) {
            System.exit(ExitCode.INTERRUPTED.code());
        }
        // said at once, so the user knows the key was heard while the dossier in hand finishes
        err.println(Say.say(lang, "stopping"));
        err.flush();
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(new Signal("INT"), previous);
            previous = null;
        }
    }
}
