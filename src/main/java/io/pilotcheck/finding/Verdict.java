package io.pilotcheck.finding;

import java.util.Collection;
import java.util.Locale;

/** The outcome for one dossier, as defined in {@code cli-and-report.md}. */
public enum Verdict {
    /** No violation and no error (warnings and pending items allowed). */
    COMPLIANT,
    /** At least one violation no waiver accepts, no error. */
    NON_COMPLIANT,
    /** At least one {@code error} finding: the dossier could not be checked, or its data is impossible. */
    ERROR;

    /** The lower-case name used in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict that the given findings of one dossier add up to. */
    public static Verdict of(Collection<Finding> findings) {
        boolean violation = false;
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                return ERROR;
            }
            violation |= f.severity() == Severity.VIOLATION && !f.waived();
        }
        return violation ? NON_COMPLIANT : COMPLIANT;
    }
}
