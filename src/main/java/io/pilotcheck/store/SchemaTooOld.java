package io.pilotcheck.store;

/**
 * The store's schema is older than this pilotcheck needs (or the database holds none yet), and
 * it was opened without leave to migrate: a shared database's schema changes when an operator
 * says so ({@code pilotcheck migrate}, or {@code serve --migrate}), never as a side effect of a
 * service starting. The message names both versions and the command to run.
 */
public final class SchemaTooOld extends StoreUnavailable {

    private static final long serialVersionUID = 1L;

    /** A store at schema version {@code found} (null: none yet), met by a pilotcheck that needs {@code needed}. */
    public SchemaTooOld(String found, String needed, String storeOption) {
        super((found == null ? "the database holds no store yet" : "the store's schema is at version " + found)
                + ", and this pilotcheck needs version " + needed + ": apply the migrations first with "
                + "pilotcheck migrate " + storeOption + " (an operator's step, see docs/operations.md), or start "
                + "serve with --migrate", null);
    }
}
