package io.pilotcheck.check;

import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import io.pilotcheck.finding.WaiverUse;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a batch, one per dossier file, sorted by file so output never depends on the
 * order files were listed or checked in.
 *
 * @param dossiers one result per file
 * @param waivers  what became of each waiver given for the run, in waivers-file order
 */
public record BatchResult(List<DossierResult> dossiers, List<WaiverUse> waivers) {

    /** Sorts by file. */
    public BatchResult {
        dossiers = dossiers.stream().sorted(Comparator.comparing(DossierResult::file)).toList();
        waivers = List.copyOf(waivers);
    }

    /** A batch checked without waivers. */
    public BatchResult(List<DossierResult> dossiers) {
        this(dossiers, List.of());
    }

    /** How many findings a waiver accepts. */
    public int waived() {
        return (int) dossiers.stream().flatMap(d -> d.findings().stream()).filter(Finding::waived).count();
    }

    /** The waivers that have run out: each fails the run. */
    public List<WaiverUse> expiredWaivers() {
        return waivers.stream().filter(w -> w.status() == WaiverUse.Status.EXPIRED).toList();
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

    /**
     * Whether the run fails: a finding no waiver accepts at or above {@code threshold} (null:
     * never), a dossier in error, or an expired waiver.
     */
    public boolean fails(Severity threshold) {
        if (!expiredWaivers().isEmpty()) {
            return true;
        }
        return dossiers.stream().flatMap(d -> d.findings().stream()).anyMatch(f -> f.failsAt(threshold));
    }
}
