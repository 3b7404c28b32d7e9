package io.pilotcheck.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A kept submission as read back: what arrived, and every evaluation of it, oldest first.
 *
 * @param id          its id
 * @param received    when it arrived
 * @param submitter   who sent it, or null
 * @param source      how it arrived
 * @param files       its files, in check order
 * @param evaluations its evaluations, oldest first; the last is its current verdict
 */
public record StoredSubmission(String id, Instant received, String submitter, Source source, List<File> files,
                               List<Evaluation> evaluations) {

    /**
     * A file as kept: its name, its bytes' SHA-256 and size, and for a workbook the SHA-256 of
     * the YAML it was read as (null for a YAML file).
     */
    public record File(String name, String sha256, long size, String formSha256) {
    }

    /** An evaluation's facts, without its findings ({@link SubmissionStore#evaluation} has them). */
    public record Evaluation(String id, Instant evaluatedAt, String reason, String rulesFingerprint, int ruleCount,
                             String toolVersion, LocalDate asOf) {
    }

    /** The latest evaluation. */
    public Evaluation latest() {
        return evaluations.get(evaluations.size() - 1);
    }
}
