package io.pilotcheck.cli;

import io.pilotcheck.check.BatchCheck;
import io.pilotcheck.check.BatchTally;
import io.pilotcheck.check.DossierResult;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.WaiverUse;
import io.pilotcheck.report.StreamedReport;
import io.pilotcheck.waiver.WaiverLedger;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * {@code check} for reports that can be written dossier by dossier (text, json, csv): each
 * dossier is checked, its waivers marked and its report parts rendered on a worker thread; this
 * thread counts it and spools the parts in order. Nothing holds the whole batch, so memory is the
 * same for ten dossiers or a million.
 */
final class StreamedCheck implements AutoCloseable {

    /** What the run came to: the counts, and what became of each waiver. */
    record Outcome(BatchTally tally, List<WaiverUse> waivers) {
        boolean fails(Severity threshold) {
            return tally.fails(threshold, waivers);
        }
    }

    /** A report to write: its format and where ({@code null}: stdout). */
    record Target(StreamedReport report, Path file) {
    }

    private record Part(DossierResult dossier, String[] fragments) {
    }

    private final List<Target> targets;
    private final List<ReportSpool> spools = new ArrayList<>();

    StreamedCheck(List<Target> targets) {
        this.targets = targets;
        targets.forEach(t -> spools.add(new ReportSpool()));
    }

    /** Checks the files and spools every report's parts. */
    Outcome check(BatchCheck batch, Iterator<Map.Entry<String, Path>> files, long total, LocalDate asOf,
                  LocalDate today, int jobs, WaiverLedger ledger, IntConsumer progress, BooleanSupplier stop)
            throws BatchCheck.Stopped {
        BatchTally tally = new BatchTally();
        batch.stream(files, total, asOf, today, jobs, stop, d -> {
            DossierResult marked = ledger.mark(d);
            String[] fragments = new String[targets.size()];
            for (int i = 0; i < fragments.length; i++) {
                fragments[i] = targets.get(i).report().fragment(marked);
            }
            return new Part(marked, fragments);
        }, part -> {
            for (int i = 0; i < spools.size(); i++) {
                if (tally.dossiers() > 0) {
                    spools.get(i).append(targets.get(i).report().between());
                }
                spools.get(i).append(part.fragments()[i]);
            }
            tally.add(part.dossier());
            progress.accept((int) tally.dossiers());
        });
        return new Outcome(tally, ledger.uses());
    }

    /** Writes report {@code i}: its frame around its spooled parts. */
    void write(int i, Outcome outcome, PrintWriter out) throws IOException {
        StreamedReport report = targets.get(i).report();
        ReportSpool spool = spools.get(i);
        Output.write((w, bytes) -> {
            w.write(report.before(outcome.tally(), outcome.waivers()));
            spool.writeTo(w, bytes);
            w.write(report.after(outcome.tally(), outcome.waivers()));
        }, targets.get(i).file(), out);
    }

    @Override
    public void close() throws IOException {
        for (ReportSpool s : spools) {
            s.close();
        }
    }
}
