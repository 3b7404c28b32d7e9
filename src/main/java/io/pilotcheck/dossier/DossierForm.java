package io.pilotcheck.dossier;

import io.pilotcheck.source.SourceLocation;

import java.util.Map;
import java.util.Objects;

/**
 * A dossier written in a form other than YAML (the city's workbook, docs/spec/entry.md), read as
 * the YAML it means so that the rules see the same dossier, with each line of that YAML placed
 * where it stands in the original (a cell) so that findings point there. Implementations are
 * found through {@link java.util.ServiceLoader}, which keeps the loader free of the formats' libraries.
 */
public interface DossierForm {

    /** Whether a file of this name is in this form (by its extension: {@code .xlsx}). */
    boolean reads(String name);

    /** The YAML the file means, or why it cannot be read as a dossier. */
    Translated translate(String name, byte[] bytes) throws Unreadable;

    /**
     * What a file in another form says.
     *
     * @param yaml   the dossier as the format's YAML
     * @param places for each line of {@code yaml} (1-based), where it stands in the original
     * @param start  the original's first place, where a finding about a missing top-level field points
     */
    record Translated(String yaml, Map<Integer, SourceLocation> places, SourceLocation start) {
        /** Requires all three. */
        public Translated {
            Objects.requireNonNull(yaml, "yaml");
            Objects.requireNonNull(places, "places");
            Objects.requireNonNull(start, "start");
        }
    }

    /** A file that is not a dossier in this form, said in both languages. */
    final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        private final String zh;

        /** Why, in Chinese and in English. */
        public Unreadable(String zh, String en) {
            super(en);
            this.zh = zh;
        }

        /** Why, in Chinese. */
        public String zh() {
            return zh;
        }
    }
}
