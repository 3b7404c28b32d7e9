package io.pilotcheck.dossier;

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
}
