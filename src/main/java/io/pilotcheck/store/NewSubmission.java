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
 * @param inPeriod   the period it is sent for, and the steps and notices that go with it; or null
 */
public record NewSubmission(Instant received, String submitter, Source source, List<SubmittedFile> files,
                            EvaluationRecord evaluation, InPeriod inPeriod) {

    /** Copies the list: a kept submission does not change under its caller. */
    public NewSubmission {
        files = List.copyOf(files);
    }

    /** A submission outside any period. */
    public NewSubmission(Instant received, String submitter, Source source, List<SubmittedFile> files, EvaluationRecord evaluation) {
        this(received, submitter, source, files, evaluation, null);
    }

    /**
     * What a submission sent for a period adds beside itself, in its transaction.
     *
     * @param steps   each pilot's {@code submitted} step (their submission id null: this one)
     * @param notices whom to tell
     */
    public record InPeriod(String period, List<ReviewStore.Step> steps, List<ReviewStore.Notice> notices) {
        /** Copies the lists. */
        public InPeriod {
            steps = List.copyOf(steps);
            notices = List.copyOf(notices);
        }
    }

    /**
     * One file as received.
     *
     * @param form for a workbook, the YAML it was read as, kept beside it; null for YAML
     */
    public record SubmittedFile(String name, byte[] bytes, byte[] form) {
        /** A YAML file. */
        public SubmittedFile(String name, byte[] bytes) {
            this(name, bytes, null);
        }
    }
}
