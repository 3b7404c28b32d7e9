package io.pilotcheck.dossier;

import java.util.Objects;

/**
 * An initiative pursuing one of the city's innovation focuses (创新重点, annex; 二（四）).
 *
 * @param index    position in {@code innovations}, 0-based
 * @param focus    the focus's number in the annex for this city
 * @param status   planned, in_progress or achieved
 * @param evidence free text
 */
public record Innovation(int index, Integer focus, String status, String evidence) {

    /** The dossier path of this entry, for locating findings. */
    public String path() {
        return "innovations[" + index + "]";
    }

    // Spelled out: the generated equals and hashCode link method handles on first use, which
    // a short run pays for (Drools hashes facts in `from`). FactEqualityTest keeps them whole.
    @Override
    public boolean equals(Object other) {
        return other instanceof Innovation o
                && index == o.index
                && Objects.equals(focus, o.focus)
                && Objects.equals(status, o.status)
                && Objects.equals(evidence, o.evidence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, focus, status, evidence);
    }
}
