package io.pilotcheck.serve;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.report.ReportContext;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * The last few checks made from the page, kept so that its report can offer the same results in
 * every other format without an upload again. Bounded in number and age: this is a convenience
 * for the person at the page, not a record (keeping every submission is the store's work).
 */
final class RecentReports {

    /** One check's results and the context its reports are written in. */
    record Kept(BatchResult batch, ReportContext context, Instant at) {
    }

    private final int capacity;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>();

    RecentReports(int capacity, Duration lifetime) {
        this.capacity = capacity;
        this.lifetime = lifetime;
    }

    /** Keeps a check's results; the answer is the unguessable name its downloads are found under. */
    synchronized String keep(BatchResult batch, ReportContext context) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        expire(Instant.now());
        kept.put(id, new Kept(batch, context, Instant.now()));
        while (kept.size() > capacity) {
            Iterator<String> oldest = kept.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return id;
    }

    /** The results kept under {@code id}, unless they have aged out or been pushed out. */
    synchronized Optional<Kept> find(String id) {
        expire(Instant.now());
        return Optional.ofNullable(kept.get(id));
    }

    private void expire(Instant now) {
        kept.values().removeIf(k -> k.at().plus(lifetime).isBefore(now));
    }

    /** How many are kept now. */
    synchronized int size() {
        return kept.size();
    }
}
