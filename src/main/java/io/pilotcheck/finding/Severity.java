package io.pilotcheck.finding;

import java.util.Locale;

/**
 * How serious a finding is. Ordered from least to most serious so that {@code --fail-on}
 * can compare with {@link #compareTo}: {@code pending} never fails a run on its own.
 */
public enum Severity {
    /** Not yet due at the evaluation date; shown so a reviewer sees what is coming. */
    PENDING,
    /** Likely gap, weaker wording in the notice, or a consistency problem. */
    WARNING,
    /** The notice's requirement is not met, or was met late. */
    VIOLATION,
    /** The dossier could not be checked (bad file, unknown city, impossible data). */
    ERROR;

    /** The lower-case name used in reports and in rule metadata. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name; returns {@code null} for anything else. */
    public static Severity fromId(String id) {
        for (Severity s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }
}
