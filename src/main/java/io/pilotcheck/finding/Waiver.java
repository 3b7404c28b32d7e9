package io.pilotcheck.finding;

import io.pilotcheck.source.SourceLocation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A reviewer's acceptance, on record, of a known gap: findings of {@code rule} for {@code city}
 * (and, when given, only in {@code dossier}) stay in every report, marked with this waiver, and
 * do not fail the run until {@code expires} has passed.
 *
 * @param city     the city as the annex names it (Chinese)
 * @param rule     the rule id waived
 * @param dossier  the dossier file it is limited to, as written in the waivers file, or null for any
 * @param reason   why the gap is accepted
 * @param approver who accepted it
 * @param expires  the last day it holds
 * @param location where the waiver stands in the waivers file
 */
public record Waiver(String city, String rule, String dossier, String reason, String approver,
                     LocalDate expires, SourceLocation location) {

    /** Checks that nothing required is missing: a waiver without reason or approver is no record. */
    public Waiver {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(location, "location");
    }

    /** Whether the waiver no longer holds on {@code day}. */
    public boolean expiredOn(LocalDate day) {
        return day.isAfter(expires);
    }
}
