package io.pilotcheck.store;

/**
 * The database refused what was to be written for the data itself (SQL states 22 and 23: a value
 * too long, a character it does not store, a duplicate): nothing was kept, and sending the same
 * again will not help. The message is the driver's, for the log; a client is told less.
 */
public final class StoreRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, as the driver said it. */
    public StoreRefused(String reason, Throwable cause) {
        super(reason, cause);
    }
}
