package io.pilotcheck.cli;

import io.pilotcheck.finding.Severity;

/** Thresholds of {@code --fail-on}: the lowest severity that makes the exit code 1. */
enum FailOn {
    violation(Severity.VIOLATION), warning(Severity.WARNING), never(null);

    /** The severity, or null: no finding fails the run (a dossier that cannot be checked still does). */
    final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }
}
