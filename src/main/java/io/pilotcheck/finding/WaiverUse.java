package io.pilotcheck.finding;

import java.util.Locale;

/**
 * What became of one waiver in a run, so a waiver that matched nothing or has run out is
 * reported rather than silently ignored.
 *
 * @param waiver  the waiver
 * @param status  applied, expired, unused, or not applicable to this batch
 * @param matched how many findings it matched (waived, or for an expired waiver, left failing)
 */
public record WaiverUse(Waiver waiver, Status status, int matched) {

    /** The outcome of a waiver. */
    public enum Status {
        /** In force and matched at least one finding, which is now waived. */
        APPLIED,
        /** Past its expiry: the findings it names count again, and the run fails. */
        EXPIRED,
        /** In force but matched no finding: stale, or a typo in the waivers file. */
        UNUSED,
        /**
         * Names no dossier of this batch (its city, or its {@code dossier:} file, was not checked):
         * neither a failure nor a warning, since one waivers file serves many batches.
         */
        NOT_APPLICABLE;

        /** The lower-case name used in reports. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
