package io.pilotcheck.api;

import io.pilotcheck.check.BatchCheck;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.check.EngineLimits;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.report.ReportContext;
import io.pilotcheck.report.ReportHeader;
import io.pilotcheck.report.RunInfo;
import io.pilotcheck.report.StreamedReport;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.waiver.WaiverLedger;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The check below every front end: dossiers in, results out. The command line, a web service
 * and the tests all come here, so the same inputs give the same results, and the same reports,
 * whoever asks.
 */
public final class Check {

    private Check() {
    }

    /**
     * Checks every input and keeps every result: for reports that need the whole batch (HTML,
     * XLSX, SARIF, JUnit), and for callers that want the results themselves.
     *
     * @throws CheckStopped when the request's stop signal said so; no partial batch is returned
     */
    public static CheckOutcome run(CheckRequest request) throws CheckStopped {
        BatchResult checked;
        try {
            checked = batch(request).run(request.inputs(), request.total(), request.asOf(), request.today(),
                    request.jobs(), request.progress(), request.stop());
        } catch (BatchCheck.Stopped e) {
            throw new CheckStopped(e.done(), e.total(), e);
        }
        return new CheckOutcome(checked, WaiverLedger.apply(checked, request.waivers(), request.evaluationDate()));
    }

    /**
     * As {@link #run}, for a request that nothing stops (its stop signal is replaced by one that
     * never says stop): a recheck, one rule test case, one dossier explained.
     */
    public static CheckOutcome runToEnd(CheckRequest request) {
        try {
            return run(request.withStop(() -> false));
        } catch (CheckStopped e) {
            throw new IllegalStateException("a check nothing can stop stopped", e);
        }
    }

    /**
     * Checks every input through reports written dossier by dossier ({@link StreamedReport}), so
     * memory stays flat whatever the batch size; the caller writes each report from the outcome
     * and closes it.
     *
     * @throws CheckStopped when the request's stop signal said so
     */
    public static StreamedOutcome stream(CheckRequest request, List<StreamedReport> reports)
            throws CheckStopped {
        StreamedOutcome outcome = new StreamedOutcome(reports);
        try {
            return outcome.check(request, batch(request));
        } catch (BatchCheck.Stopped e) {
            closeQuietly(outcome);
            throw new CheckStopped(e.done(), e.total(), e);
        } catch (RuntimeException e) {
            closeQuietly(outcome);
            throw e;
        }
    }

    /**
     * What a report needs besides the results, for a run evaluated on {@code evaluationDate}
     * ({@code --as-of}, else today) and failing at {@code threshold} (null: never).
     */
    public static ReportContext reportContext(RuleBook book, LocalDate evaluationDate, Language lang,
                                              Severity threshold) {
        return reportContext(book, ReportHeader.of(evaluationDate, evaluationDate), lang, threshold);
    }

    /**
     * What every report format needs besides the batch, for a report made as {@code header}
     * says: the JSON report's {@code as_of} is the date given, else the day it was made.
     */
    public static ReportContext reportContext(RuleBook book, ReportHeader header, Language lang, Severity threshold) {
        LocalDate asOf = header.asOfGiven() != null ? header.asOfGiven() : header.generated();
        RunInfo run = new RunInfo(ToolVersion.get(), asOf.toString(), book.rules().size(), book::fingerprint, header);
        return new ReportContext(book.rules(), book.registry(), run, lang, threshold);
    }

    /**
     * The context of a report of an earlier check kept in the store: the tool's version, the
     * number of rules and their fingerprint as they were then; the rules' descriptions as now.
     */
    public static ReportContext reportContext(RuleBook book, ReportHeader header, Language lang, Severity threshold,
                                              String toolVersion, int ruleCount, String fingerprint) {
        LocalDate asOf = header.asOfGiven() != null ? header.asOfGiven() : header.generated();
        RunInfo run = new RunInfo(toolVersion, asOf.toString(), ruleCount, () -> fingerprint, header);
        return new ReportContext(book.rules(), book.registry(), run, lang, threshold);
    }

    /** A batch's report in {@code format}, as bytes: the report a service answers with or keeps nowhere. */
    public static byte[] render(io.pilotcheck.report.ReportFormat format, BatchResult batch, ReportContext context) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            format.write(batch, context, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("a report written into memory failed", e);
        }
        return out.toByteArray();
    }

    private static BatchCheck batch(CheckRequest request) {
        return new BatchCheck(request.book(), request.limits(), EngineLimits.DEFAULT).preloaded(request.preloaded());
    }

    private static void closeQuietly(StreamedOutcome outcome) {
        try {
            outcome.close();
        } catch (IOException e) {
            // the spools are temporary files marked for deletion on exit; nothing is lost
        }
    }
}
