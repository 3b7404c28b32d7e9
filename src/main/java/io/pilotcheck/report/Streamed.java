package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.BatchTally;
import io.pilotcheck.finding.DossierResult;

/** Renders a whole batch through a {@link StreamedReport}: the one code path both ways. */
final class Streamed {

    private Streamed() {
    }

    static String render(StreamedReport report, BatchResult batch) {
        BatchTally tally = BatchTally.of(batch.dossiers());
        String[] around = report.beforeAndAfter(tally, batch.waivers());
        StringBuilder out = new StringBuilder(around[0]);
        boolean first = true;
        for (DossierResult d : batch.dossiers()) {
            if (!first) {
                out.append(report.between());
            }
            out.append(report.fragment(d));
            first = false;
        }
        return out.append(around[1]).toString();
    }
}
