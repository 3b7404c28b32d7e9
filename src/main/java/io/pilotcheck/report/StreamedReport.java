package io.pilotcheck.report;

import io.pilotcheck.finding.BatchTally;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.WaiverUse;

import java.util.List;

/**
 * A report written dossier by dossier, so a batch of any size streams through it: each
 * dossier's part ({@link #fragment}) is rendered on the thread that checked it, and the parts,
 * kept in order, are framed by what can only be written once every dossier is counted (the JSON
 * summary comes before the dossiers). The text is the same as the format's whole-batch render.
 */
public interface StreamedReport {

    /** One dossier's part of the report; safe on any thread. */
    String fragment(DossierResult d);

    /** What precedes the first fragment. */
    String before(BatchTally tally, List<WaiverUse> waivers);

    /** What goes between two fragments. */
    String between();

    /** What follows the last fragment, to the end of the report. */
    String after(BatchTally tally, List<WaiverUse> waivers);

    /**
     * {@link #before} and {@link #after} of a batch whose tally is known before its first
     * fragment is written; a format that makes both from one rendering overrides it.
     */
    default String[] beforeAndAfter(BatchTally tally, List<WaiverUse> waivers) {
        return new String[] {before(tally, waivers), after(tally, waivers)};
    }
}
