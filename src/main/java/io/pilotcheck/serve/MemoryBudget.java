package io.pilotcheck.serve;

import io.pilotcheck.dossier.LoadLimits;

/**
 * The bytes the requests being read and checked may hold in memory at once, a share of the heap.
 * A request reserves as it reads (its body a chunk at a time, a zip's entries before they are
 * inflated), so a client trickling its upload holds only what has arrived, and a request that
 * would take the heap past its share is answered 503 {@code busy} instead of running it out.
 */
final class MemoryBudget {

    private final long total;
    private long used;

    /** A budget of {@code total} bytes. */
    MemoryBudget(long total) {
        this.total = total;
    }

    /** A reservation holding nothing yet; close it when the request is done with its bytes. */
    Reservation open() {
        return new Reservation();
    }

    /** What one request holds of the budget. */
    final class Reservation implements AutoCloseable {
        private long held;

        private Reservation() {
        }

        /**
         * Holds {@code bytes} more: 413 when the request would need more than the whole budget
         * (it can never be checked here), 503 {@code busy} when others hold too much of it now.
         */
        void add(long bytes) {
            synchronized (MemoryBudget.this) {
                if (held + bytes > total) {
                    throw new ApiError(413, "upload_too_large", "size", "> " + LoadLimits.formatSize(held + bytes),
                            "limit", LoadLimits.formatSize(total));
                }
                if (used + bytes > total) {
                    throw new ApiError(503, "busy", "seconds", 5);
                }
                used += bytes;
            }
            held += bytes;
        }

        @Override
        public void close() {
            synchronized (MemoryBudget.this) {
                used -= held;
            }
            held = 0;
        }
    }

    /** Bytes held now, by every request together. */
    synchronized long used() {
        return used;
    }
}
