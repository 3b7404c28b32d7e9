package io.pilotcheck.serve;

import io.javalin.http.Context;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Each request's id: the one a trusted front (a proxy's {@code X-Request-Id}) gave it when it is
 * a plain token, else a new one; answered in {@code X-Request-Id} and written in its access-log
 * line, so a user's "it failed at 10:42" and the operator's log meet on one id.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "pilotcheck.requestId";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /** Gives the request its id and answers it in the header. */
    static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && given.matches("[A-Za-z0-9._-]{1,64}") ? given : fresh();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The request's id, or {@code -} for one no route saw (Jetty refused it first). */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }

    /**
     * The client's address: the connection's, or, when the connection is from a trusted proxy,
     * the nearest address in {@code X-Forwarded-For} that is not itself a trusted proxy.
     */
    static String client(Context ctx, java.util.Set<String> trusted) {
        String peer = ctx.ip();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !trusted.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                // an address is digits, hex, dots and colons; anything else is not written into the log
                return hop.matches("[0-9A-Fa-f:.]{2,45}") ? hop : peer;
            }
        }
        return peer;
    }

    private static String fresh() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
