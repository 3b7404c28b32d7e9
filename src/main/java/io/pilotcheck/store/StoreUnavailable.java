package io.pilotcheck.store;

/** The database does not answer: nothing was stored or read, and the caller may try again later. */
public final class StoreUnavailable extends RuntimeException {

    /** Why, as the driver or pool said it. */
    public StoreUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
