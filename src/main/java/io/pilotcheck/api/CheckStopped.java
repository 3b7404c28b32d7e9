package io.pilotcheck.api;

/**
 * A check stopped on request (Ctrl-C, its stop signal) before every dossier was checked: no
 * partial batch is returned, only how far it got.
 */
public final class CheckStopped extends Exception {

    private static final long serialVersionUID = 1L;

    private final long done;
    private final long total;

    CheckStopped(long done, long total, Throwable cause) {
        super("stopped after " + done + " of " + total + " files", cause);
        this.done = done;
        this.total = total;
    }

    /** Files checked before the stop. */
    public long done() {
        return done;
    }

    /** Files in the batch, or -1 when unknown. */
    public long total() {
        return total;
    }
}
