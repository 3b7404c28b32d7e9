package io.pilotcheck.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/** The ids the store's rows are kept under: submissions, evaluations, tokens. */
public final class StoreIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreIds() {
    }

    /**
     * A new id: the time in milliseconds, then 80 random bits, in hexadecimal. Ids sort by time
     * on every database, and two made in the same millisecond do not collide.
     */
    public static String next(Instant at) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return String.format("%012x", at.toEpochMilli()) + HexFormat.of().formatHex(random);
    }
}
