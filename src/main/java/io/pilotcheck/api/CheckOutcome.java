package io.pilotcheck.api;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.Severity;

/**
 * A whole batch checked: every dossier's result, in the order reports list them.
 *
 * @param checked the results as the rules gave them
 * @param batch   the same with the request's waivers marked, and what became of each waiver
 */
public record CheckOutcome(BatchResult checked, BatchResult batch) {

    /**
     * Whether the run fails: a finding no waiver accepts at or above {@code threshold} (null:
     * never), a dossier that could not be checked, or an expired waiver.
     */
    public boolean fails(Severity threshold) {
        return batch.fails(threshold);
    }
}
