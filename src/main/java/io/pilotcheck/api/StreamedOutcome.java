package io.pilotcheck.api;

import io.pilotcheck.check.BatchCheck;
import io.pilotcheck.finding.BatchTally;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.WaiverUse;
import io.pilotcheck.report.ReportSpool;
import io.pilotcheck.report.StreamedReport;
import io.pilotcheck.waiver.WaiverLedger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch checked through reports written dossier by dossier (text, JSON, CSV): each dossier is
 * checked, its waivers marked and its report parts rendered on a worker thread; the calling
 * thread counts it and spools the parts in order. Nothing holds the whole batch, so memory is the
 * same for ten dossiers or a million. Close it to free the spools.
 */
public final class StreamedOutcome implements AutoCloseable {

    private record Part(DossierResult dossier, String[] fragments) {
    }

    private final List<StreamedReport> reports;
    private final List<ReportSpool> spools = new ArrayList<>();
    private final BatchTally tally = new BatchTally();
    private List<WaiverUse> waivers = List.of();

    StreamedOutcome(List<StreamedReport> reports) {
        this.reports = List.copyOf(reports);
        reports.forEach(r -> spools.add(new ReportSpool()));
    }

    /** Checks the request's inputs and spools every report's parts. */
    StreamedOutcome check(CheckRequest request, BatchCheck batch) throws BatchCheck.Stopped {
        WaiverLedger ledger = new WaiverLedger(request.waivers(), request.evaluationDate());
        batch.stream(request.inputs(), request.total(), request.asOf(), request.today(), request.jobs(),
                request.stop(), d -> {
                    DossierResult marked = ledger.mark(d);
                    String[] fragments = new String[reports.size()];
                    for (int i = 0; i < fragments.length; i++) {
                        fragments[i] = reports.get(i).fragment(marked);
                    }
                    return new Part(marked, fragments);
                }, part -> {
                    for (int i = 0; i < spools.size(); i++) {
                        if (tally.dossiers() > 0) {
                            spools.get(i).append(reports.get(i).between());
                        }
                        spools.get(i).append(part.fragments()[i]);
                    }
                    tally.add(part.dossier());
                    request.progress().accept((int) tally.dossiers());
                });
        waivers = ledger.uses();
        return this;
    }

    /** The batch's counts. */
    public BatchTally tally() {
        return tally;
    }

    /** What became of each waiver, in waivers-file order. */
    public List<WaiverUse> waivers() {
        return waivers;
    }

    /**
     * Whether the run fails: a finding no waiver accepts at or above {@code threshold} (null:
     * never), a dossier that could not be checked, or an expired waiver.
     */
    public boolean fails(Severity threshold) {
        return tally.fails(threshold, waivers);
    }

    /**
     * Writes report {@code i} (in the order the reports were given): its frame around its
     * spooled parts. {@code bytes}, when not null, is the UTF-8 stream under {@code out}, which
     * a spool on disk is copied to directly.
     */
    public void writeTo(int i, Writer out, OutputStream bytes) throws IOException {
        StreamedReport report = reports.get(i);
        out.write(report.before(tally, waivers));
        spools.get(i).writeTo(out, bytes);
        out.write(report.after(tally, waivers));
    }

    @Override
    public void close() throws IOException {
        for (ReportSpool s : spools) {
            s.close();
        }
    }
}
