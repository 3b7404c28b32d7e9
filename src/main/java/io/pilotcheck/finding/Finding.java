package io.pilotcheck.finding;

import io.pilotcheck.source.SourceLocation;

import java.util.Comparator;
import java.util.Objects;

/**
 * One result of checking a dossier against a rule: an immutable value.
 *
 * <p>Findings have one documented order ({@link #ORDER}): file, line, column, rule id, then
 * path and message. Every report sorts by it, so the same input always gives the same bytes.
 *
 * @param ruleId   the catalogue id, e.g. {@code LCP-PLAN-01}
 * @param severity how serious
 * @param clause   the notice's clause the rule enforces, e.g. {@code 二（二）}; empty for loader checks
 * @param message  what is wrong, in both languages
 * @param path     the dossier field concerned, e.g. {@code low_carbon_plan.adopted}; empty for the whole file
 * @param location where the value stands, or for a missing field, its parent mapping
 * @param waiver   the waiver that accepts this finding, or null: a waived finding stays in every
 *                 report but neither fails the run nor counts towards the verdict
 */
public record Finding(String ruleId, Severity severity, String clause, Message message,
                      String path, SourceLocation location, Waiver waiver) {

    /** The one sort order of findings in every report. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::path)
            .thenComparing(f -> f.message().en())
            .thenComparing(f -> f.message().zh());

    /** Checks that no part is missing: a finding without a location cannot be acted on. */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        clause = clause == null ? "" : clause;
        path = path == null ? "" : path;
    }

    /** A finding no waiver accepts. */
    public Finding(String ruleId, Severity severity, String clause, Message message, String path,
                   SourceLocation location) {
        this(ruleId, severity, clause, message, path, location, null);
    }

    /** Whether a waiver accepts this finding. */
    public boolean waived() {
        return waiver != null;
    }

    /** The same finding, accepted by {@code w}. */
    public Finding withWaiver(Waiver w) {
        return new Finding(ruleId, severity, clause, message, path, location, w);
    }

    /** Whether this finding makes a run fail at {@code threshold} (null: never); errors always do. */
    public boolean failsAt(Severity threshold) {
        if (severity == Severity.ERROR) {
            return true;
        }
        return !waived() && threshold != null && severity.compareTo(threshold) >= 0;
    }
}
