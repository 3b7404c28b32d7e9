package io.pilotcheck.store;

/**
 * The embedded store's file holds less than the store acknowledged: it is damaged, or an older
 * copy. It is not opened; the message says what is missing and what to do.
 */
public final class StoreDamaged extends StoreUnavailable {

    private static final long serialVersionUID = 1L;

    /** Why, with what to do. */
    public StoreDamaged(String reason) {
        super(reason, null);
    }
}
