package io.pilotcheck.registry;

/**
 * A low-carbon pilot of an earlier batch (2010, 2012), not of this notice: named so a dossier
 * about one is told which notice it belongs to.
 *
 * @param name     the province or city as the earlier notice names it (深圳市, 海南省)
 * @param province whether it is a pilot province (低碳省区) rather than a city
 * @param batchZh  the batch in Chinese (第一批)
 * @param batchEn  the batch in English (first batch)
 * @param year     the year of its notice
 */
public record EarlierPilot(String name, boolean province, String batchZh, String batchEn, int year) {

    /** The batch in {@code lang}. */
    public String batch(io.pilotcheck.words.Language lang) {
        return lang == io.pilotcheck.words.Language.EN ? batchEn : batchZh;
    }
}
