package io.pilotcheck.store;

/**
 * The store's schema is newer than this pilotcheck knows: a newer version migrated it. It is not
 * opened, so an older binary never says it is ready and then fails on every write; the message
 * names both versions and what to do.
 */
public final class SchemaTooNew extends StoreUnavailable {

    private static final long serialVersionUID = 1L;

    /** A store at schema version {@code found}, met by a pilotcheck that knows up to {@code known}. */
    public SchemaTooNew(String found, String known) {
        super("the store's schema is at version " + found + ", newer than this pilotcheck knows (up to version " + known
                + "): a newer pilotcheck has upgraded it. Run that version, or restore the backup taken before the upgrade "
                + "into an empty store (pilotcheck import BACKUP.zip)", null);
    }
}
