package io.pilotcheck.store;

/** The database does not answer: nothing was stored or read, and the caller may try again later. */
public class StoreUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, as the driver or pool said it. */
    public StoreUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
