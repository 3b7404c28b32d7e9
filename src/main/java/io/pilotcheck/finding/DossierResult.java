package io.pilotcheck.finding;


import java.time.LocalDate;
import java.util.List;

/**
 * What checking one dossier file gave.
 *
 * @param file     the file as the user named it
 * @param city     the city as the dossier names it (the annex name when found), or null
 * @param cityEn   the English name when the city was found, else as {@code city}
 * @param asOf     the evaluation date used, or null when the file could not be read
 * @param findings sorted in {@link Finding#ORDER}
 */
public record DossierResult(String file, String city, String cityEn, LocalDate asOf, List<Finding> findings) {

    /** Sorts the findings in their one order. */
    public DossierResult {
        findings = findings.stream().sorted(Finding.ORDER).toList();
    }

    /** The verdict the findings add up to. */
    public Verdict verdict() {
        return Verdict.of(findings);
    }
}
