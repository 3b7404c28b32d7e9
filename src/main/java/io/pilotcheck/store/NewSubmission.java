package io.pilotcheck.store;

import java.time.Instant;
import java.util.List;

/**
 * A submission to keep: its files exactly as received and their first evaluation.
 *
 * @param received   when it arrived
 * @param submitter  who sent it, as they named themselves, or null
 * @param source     how it arrived
 * @param files      the dossiers' bytes under the names they were checked by, in check order
 * @param evaluation what the check found
 */
public record NewSubmission(Instant received, String submitter, Source source, List<SubmittedFile> files,
                            EvaluationRecord evaluation) {

    /** Copies the list: a kept submission does not change under its caller. */
    public NewSubmission {
        files = List.copyOf(files);
    }

    /** One file as received. */
    public record SubmittedFile(String name, byte[] bytes) {
    }
}
