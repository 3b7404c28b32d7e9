package io.pilotcheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.api.Check;
import io.pilotcheck.diff.ReportDiff;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.report.ReportContext;
import io.pilotcheck.report.ReportFormats;
import io.pilotcheck.report.ReportHeader;
import io.pilotcheck.rules.RuleBook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A pilot's kept dossiers over time, each against the one before, its findings matched as
 * {@code pilotcheck diff} matches them (whatever each file was called): for the pilot's page,
 * the history API and {@code pilotcheck history} alike.
 */
public final class PilotHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One submission of the pilot, and what changed since the one before (null for the first). */
    public record Step(DossierEntry entry, ReportDiff.DossierDiff change) {
    }

    /**
     * The newest steps of a pilot's history, oldest first.
     *
     * @param steps  the steps
     * @param older  the cursor for the steps before these (the oldest one's submission id), or
     *               null when these reach back to the pilot's first submission
     */
    public record Page(List<Step> steps, String older) {
    }

    private PilotHistory() {
    }

    /**
     * The pilot's newest {@code count} steps older than the submission {@code before} (all when
     * null), oldest first; the submission before the first of them is read too, for its change.
     */
    public static Page of(SubmissionStore store, RuleBook book, String city, Language lang, int count, String before) {
        List<DossierEntry> entries = store.history(city, count + 1, before);
        boolean more = entries.size() > count;
        List<Step> out = new ArrayList<>();
        JsonNode previous = null;
        for (DossierEntry e : entries) {
            JsonNode now = dossierJson(store, book, e, lang);
            if (!more || previous != null) {
                out.add(new Step(e, previous == null ? null : ReportDiff.compareDossier(previous, now)));
            }
            previous = now;
        }
        return new Page(out, more && !out.isEmpty() ? out.get(0).entry().submissionId() : null);
    }

    /** One kept dossier as the JSON report writes it. */
    private static JsonNode dossierJson(SubmissionStore store, RuleBook book, DossierEntry e, Language lang) {
        // only this dossier's rows are read: a submission of a whole province holds dozens
        EvaluationRecord evaluation = store.evaluation(e.evaluationId(), e.position()).orElseThrow();
        BatchResult one = evaluation.batch();
        ReportContext context = Check.reportContext(book,
                ReportHeader.of(LocalDate.ofInstant(evaluation.evaluatedAt(), ZoneId.systemDefault()), evaluation.asOf()),
                lang, Severity.VIOLATION, evaluation.toolVersion(), evaluation.ruleCount(), evaluation.rulesFingerprint());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReportFormats.find("json").orElseThrow().write(one, context, out);
            return JSON.readTree(out.toByteArray()).path("dossiers").path(0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
