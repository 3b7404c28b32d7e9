package io.pilotcheck.finding;


import java.util.Comparator;
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

    /** The batch's counts, as the reports' summaries give them. */
    public BatchTally tally() {
        return BatchTally.of(dossiers);
    }

    /** How many findings a waiver accepts. */
    public int waived() {
        return tally().waived();
    }

    /** How many dossiers have each verdict. */
    public Map<Verdict, Integer> verdicts() {
        return tally().verdicts();
    }

    /** How many findings of each severity. */
    public Map<Severity, Integer> severities() {
        return tally().severities();
    }

    /** The findings of each severity that no waiver accepts, as {@link BatchTally#unwaived()}. */
    public Map<Severity, Integer> unwaived() {
        return tally().unwaived();
    }

    /**
     * Whether the run fails: a finding no waiver accepts at or above {@code threshold} (null:
     * never), a dossier in error, or an expired waiver.
     */
    public boolean fails(Severity threshold) {
        return tally().fails(threshold, waivers);
    }
}
