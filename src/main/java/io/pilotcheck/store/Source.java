package io.pilotcheck.store;

import java.util.Locale;

/** How a submission arrived. */
public enum Source {
    /** The upload page. */
    PAGE,
    /** {@code POST /api/v1/submissions}. */
    API,
    /** {@code pilotcheck check --record}. */
    CLI,
    /** {@code pilotcheck import} from an export of another store. */
    IMPORT;

    /** The lower-case name stored and shown. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Source fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
