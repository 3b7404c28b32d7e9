package io.pilotcheck.check;

import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a batch, one per dossier file, sorted by file so output never depends on the
 * order files were listed or checked in.
 *
 * @param dossiers one result per file
 */
public record BatchResult(List<DossierResult> dossiers) {

    /** Sorts by file. */
    public BatchResult {
        dossiers = dossiers.stream().sorted(Comparator.comparing(DossierResult::file)).toList();
    }

    /** How many dossiers have each verdict. */
    public Map<Verdict, Integer> verdicts() {
        Map<Verdict, Integer> out = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            out.put(v, 0);
        }
        dossiers.forEach(d -> out.merge(d.verdict(), 1, Integer::sum));
        return out;
    }

    /** How many findings of each severity. */
    public Map<Severity, Integer> severities() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0);
        }
        dossiers.forEach(d -> d.findings().forEach(f -> out.merge(f.severity(), 1, Integer::sum)));
        return out;
    }

    /** Whether any finding is at or above {@code threshold} (null: never), or any dossier is in error. */
    public boolean fails(Severity threshold) {
        for (DossierResult d : dossiers) {
            if (d.verdict() == Verdict.ERROR) {
                return true;
            }
            for (Finding f : d.findings()) {
                if (threshold != null && f.severity().compareTo(threshold) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
