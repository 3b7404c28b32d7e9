package io.pilotcheck.serve;

/**
 * What one request may send: the body, each dossier, and a zip's entries, their total inflated
 * size and how much they may inflate (a zip bomb is refused before it is inflated); and what all
 * requests together may hold: memory, checks at once, requests admitted.
 *
 * @param maxBody         bytes of a request body ({@code --max-upload})
 * @param maxFile         bytes of one dossier ({@code --max-file-size})
 * @param maxEntries      entries of a zip
 * @param maxUncompressed bytes of a zip's entries, inflated, all together
 * @param maxRatio        how many times its compressed size an entry may inflate to
 * @param minBytesPerSecond the slowest a body may arrive: a client trickling bytes to hold a
 *                        worker is cut off (408)
 * @param idleMillis      how long a connection may send nothing at all
 * @param memory          bytes all requests being read and checked may hold at once (by default
 *                        half the heap): past it a request is 503 {@code busy}
 * @param checksAtOnce    batches checked at once (by default one per core)
 * @param requestsAdmitted batches read and waiting for a check, past which a request is 503
 *                        {@code busy} (by default 64, or 16 per core)
 */
public record UploadLimits(long maxBody, long maxFile, int maxEntries, long maxUncompressed, int maxRatio,
                           long minBytesPerSecond, long idleMillis, long memory, int checksAtOnce, int requestsAdmitted) {

    /** These limits, with as many checks at once as cores and the requests admitted that go with it. */
    public UploadLimits(long maxBody, long maxFile, int maxEntries, long maxUncompressed, int maxRatio,
                        long minBytesPerSecond, long idleMillis, long memory) {
        this(maxBody, maxFile, maxEntries, maxUncompressed, maxRatio, minBytesPerSecond, idleMillis, memory,
                Runtime.getRuntime().availableProcessors(), Math.max(64, Runtime.getRuntime().availableProcessors() * 16));
    }

    /** The limits {@code pilotcheck serve} starts with when no option names them: 64 MiB a body, 10 MiB a dossier. */
    public static final UploadLimits DEFAULTS = of(64L << 20, 10L << 20);

    /** The contract's defaults for a body limit and a dossier limit. */
    public static UploadLimits of(long maxBody, long maxFile) {
        return new UploadLimits(maxBody, maxFile, 10_000, 256L << 20, 100, 1024, 30_000, Runtime.getRuntime().maxMemory() / 2);
    }

    /** These limits with other timings (tests, or a very slow network). */
    public UploadLimits withTimings(long bytesPerSecond, long idle) {
        return new UploadLimits(maxBody, maxFile, maxEntries, maxUncompressed, maxRatio, bytesPerSecond, idle, memory,
                checksAtOnce, requestsAdmitted);
    }

    /** These limits with another memory budget. */
    public UploadLimits withMemory(long bytes) {
        return new UploadLimits(maxBody, maxFile, maxEntries, maxUncompressed, maxRatio, minBytesPerSecond, idleMillis, bytes,
                checksAtOnce, requestsAdmitted);
    }

    /** These limits with {@code checks} batches checked at once and {@code admitted} read and waiting. */
    public UploadLimits withCapacity(int checks, int admitted) {
        return new UploadLimits(maxBody, maxFile, maxEntries, maxUncompressed, maxRatio, minBytesPerSecond, idleMillis, memory,
                checks, admitted);
    }
}
