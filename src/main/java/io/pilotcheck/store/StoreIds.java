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

    private static long lastMillis;
    private static int sequence;

    /**
     * An id for rows whose order is their meaning (the audit log, a pilot's steps through a
     * review): its time in milliseconds, a sequence within the millisecond, then random bits, so
     * that the rows this process adds sort in the order they were added (two in the same
     * millisecond too; a time earlier than the last row's takes the last row's), and ids made by
     * other instances never collide.
     */
    public static synchronized String ordered(Instant at) {
        long millis = Math.max(at.toEpochMilli(), lastMillis);
        sequence = millis == lastMillis ? sequence + 1 : 0;
        lastMillis = millis;
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return String.format("%012x%04x", millis, sequence & 0xffff) + HexFormat.of().formatHex(random);
    }
}
