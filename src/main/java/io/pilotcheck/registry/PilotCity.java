package io.pilotcheck.registry;

import io.pilotcheck.words.Language;

import java.util.List;

/**
 * One row of the annex: a pilot city (区、县) of the third batch.
 *
 * @param number       序号, 1..45
 * @param province     the province as the annex writes it (内蒙古, 辽宁, ...)
 * @param provinceFull its full official name (内蒙古自治区, 辽宁省, ...)
 * @param provinceEn   its English name
 * @param name         the city's name as in the annex, without the star (大连市)
 * @param nameEn       its English name (Dalian)
 * @param starred      conditionally approved (带星号, 有条件批复)
 * @param peak         the peak-year target
 * @param focuses      the innovation focuses, numbered from 1
 */
public record PilotCity(int number, String province, String provinceFull, String provinceEn, String name,
                        String nameEn, boolean starred, PeakYear peak, List<InnovationFocus> focuses) {

    /** Copies the focus list. */
    public PilotCity {
        focuses = List.copyOf(focuses);
    }

    /** Whether the annex lists a focus with this number for the city. */
    /** The pilot's name in {@code lang}. */
    public String name(Language lang) {
        return lang == Language.EN ? nameEn : name;
    }

    /** The province as the annex names it ({@link #province()}) in {@code lang}. */
    public String province(Language lang) {
        return lang == Language.EN ? provinceEn : province;
    }

    /** The province's full official name ({@link #provinceFull()}) in {@code lang}. */
    public String provinceFull(Language lang) {
        return lang == Language.EN ? provinceEn : provinceFull;
    }

    public boolean hasFocus(Integer focusNumber) {
        return focusNumber != null && focusNumber >= 1 && focusNumber <= focuses.size();
    }

    /** The annex's words for a focus number, or {@code null}. */
    public String focusText(Integer focusNumber) {
        return hasFocus(focusNumber) ? focuses.get(focusNumber - 1).text() : null;
    }

    /**
     * Whether a province as a dossier states it names this city's province: the annex's short
     * name, the full official name, or the English name (case-insensitive).
     */
    public boolean provinceMatches(String stated) {
        if (stated == null) {
            return true;
        }
        String s = stated.trim();
        return s.equals(province) || s.equals(provinceFull) || s.equalsIgnoreCase(provinceEn);
    }
}
