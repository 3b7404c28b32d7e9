package io.pilotcheck.finding;

import io.pilotcheck.words.Language;


import java.time.LocalDate;
import java.util.List;

/**
 * What checking one dossier file gave.
 *
 * @param file     the file as the user named it
 * @param city     the city as the dossier names it (the annex name when found), or null
 * @param cityEn   the English name when the city was found, else as {@code city}
 * @param province the pilot's province as the annex gives it, in both languages, or null when
 *                 the city is not a pilot
 * @param asOf     the evaluation date used, or null when the file could not be read
 * @param findings sorted in {@link Finding#ORDER}
 */
public record DossierResult(String file, String city, String cityEn, Message province, LocalDate asOf,
                            List<Finding> findings) {

    /** Sorts the findings in their one order. */
    public DossierResult {
        findings = findings.stream().sorted(Finding.ORDER).toList();
    }

    /** A result whose city is not known to be a pilot: no province. */
    public DossierResult(String file, String city, String cityEn, LocalDate asOf, List<Finding> findings) {
        this(file, city, cityEn, null, asOf, findings);
    }

    /** The city in {@code lang}: its English name when it is a pilot, else as the dossier wrote it; null when unread. */
    public String city(Language lang) {
        return lang == Language.EN && cityEn != null ? cityEn : city;
    }

    /** The province in {@code lang}, or empty when the city is not a pilot. */
    public String province(Language lang) {
        return province == null ? "" : province.in(lang);
    }

    /** The verdict the findings add up to. */
    public Verdict verdict() {
        return Verdict.of(findings);
    }
}
