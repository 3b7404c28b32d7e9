package io.pilotcheck.store.sql;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * Tells the pool that a connection to an embedded database H2 has closed (after a write failed on
 * a full disk, say: error 90098) is dead. The pool knows only the standard connection errors, so it
 * kept handing such connections out, and the store answered 503 until a restart; evicted, they
 * are replaced by new ones, which open the file again once it can be written.
 */
public final class ClosedDatabaseEviction implements SQLExceptionOverride {

    /** H2's "the database has been closed". */
    private static final int DATABASE_IS_CLOSED = 90098;

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DATABASE_IS_CLOSED) {
                return SQLExceptionOverride.Override.MUST_EVICT;
            }
        }
        return SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
