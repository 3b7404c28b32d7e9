package io.pilotcheck.app;

import io.pilotcheck.api.Check;
import io.pilotcheck.api.ToolVersion;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.Scope;
import io.pilotcheck.report.ReportContext;
import io.pilotcheck.report.ReportFormat;
import io.pilotcheck.report.ReportHeader;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.NewSubmission;
import io.pilotcheck.store.Source;
import io.pilotcheck.store.StoredSubmission;
import io.pilotcheck.store.SubmissionStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Kept submissions: keeping a checked upload, listing, reading one and its files, and its report
 * in any format. Every read takes the caller's scope; what lies outside it does not exist.
 */
public final class Submissions {

    private final Supplier<RuleBook> rules;
    private final StoreAccess store;

    Submissions(Supplier<RuleBook> rules, StoreAccess store) {
        this.rules = rules;
        this.store = store;
    }

    /**
     * The first dossier of {@code checked} that names a pilot outside {@code scope} (a
     * submitter's upload for another city), or empty: such an upload is refused whole. A dossier
     * naming no pilot the annex knows is not another pilot's.
     */
    public Optional<io.pilotcheck.finding.DossierResult> outOfScope(io.pilotcheck.registry.Scope scope, Checked checked) {
        return outOfScope(scope, checked.batch());
    }

    /** As {@link #outOfScope(io.pilotcheck.registry.Scope, Checked)}, of a batch the command line checked. */
    public Optional<io.pilotcheck.finding.DossierResult> outOfScope(io.pilotcheck.registry.Scope scope, BatchResult batch) {
        if (scope.everything()) {
            return Optional.empty();
        }
        io.pilotcheck.registry.PilotRegistry registry = rules.get().registry();
        return batch.dossiers().stream().filter(d -> d.city() != null)
                .filter(d -> registry.find(d.city()).map(p -> !scope.covers(p)).orElse(false)).findFirst();
    }

    /**
     * Keeps a checked upload as a submission; its id, once the transaction has committed. The
     * audit log names {@code actor} (an account, or {@code desktop}) and {@code address}.
     */
    public String keep(Checked checked, Instant received, String submitter, Source source, String actor, String address) {
        return keep(checked, received, submitter, source, actor, address, null);
    }

    /**
     * As above, sent for {@code period} (null: outside any period): each pilot of the upload that
     * the period expects is submitted in it, and its reviewers are told, in the submission's transaction.
     *
     * @throws Accounts.Refused {@code periodClosed}, or {@code accepted} for a pilot already accepted in the period
     */
    public String keep(Checked checked, Instant received, String submitter, Source source, String actor, String address,
                       io.pilotcheck.store.ReviewStore.Period period) {
        NewSubmission.InPeriod inPeriod = period == null ? null : reviews.inPeriod(period, checked.batch(), actor, received);
        List<NewSubmission.SubmittedFile> files = new ArrayList<>();
        for (DossierInput input : checked.inputs()) {
            if (input instanceof DossierInput.Bytes b) {
                files.add(submitted(b.name(), b.bytes()));
            }
        }
        String id = store.get().record(new NewSubmission(received, submitter, source, files,
                evaluation(received, EvaluationRecord.SUBMITTED, checked.rulesFingerprint(), checked.ruleCount(),
                        checked.asOf(), checked.batch()), inPeriod), receipt(received, actor, address, checked.batch()));
        RuleBook book = rules.get();
        if (book.fingerprint().equals(checked.rulesFingerprint())) { // else a reload came between: the next keeps it
            store.keepEdition(book);
        }
        return id;
    }

    /**
     * Keeps a batch the command line checked: the files {@code checked} holds for the batch's
     * dossiers (a file not read whole is not kept).
     */
    public String keep(BatchResult batch, Map<String, DossierInput> checked, Instant received, String submitter,
                       LocalDate asOf, String actor) {
        List<NewSubmission.SubmittedFile> files = new ArrayList<>();
        batch.dossiers().forEach(d -> {
            if (checked.get(d.file()) instanceof DossierInput.Bytes b) {
                files.add(submitted(d.file(), b.bytes()));
            }
        });
        RuleBook book = rules.get();
        String id = store.get().record(new NewSubmission(received, submitter, Source.CLI, files,
                evaluation(received, EvaluationRecord.SUBMITTED, book.fingerprint(), book.rules().size(), asOf, batch)),
                receipt(received, actor, null, batch));
        store.keepEdition(book);
        return id;
    }

    /**
     * A file to keep as received; a workbook with the YAML it was read as beside it (docs/spec/entry.md),
     * so history, diff and export can show what the rules saw. A workbook that is not a template has none.
     */
    static NewSubmission.SubmittedFile submitted(String name, byte[] bytes) {
        return new NewSubmission.SubmittedFile(name, bytes, io.pilotcheck.dossier.DossierLoader.yamlForm(name, bytes)
                .map(yaml -> yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).orElse(null));
    }

    /** The review loop, which a submission sent for a period enters. */
    private Reviews reviews;

    void reviews(Reviews loop) {
        this.reviews = loop;
    }

    /**
     * The audit row of a kept submission: who, from where, and the pilots it holds; the store
     * writes it with the submission, under the submission's id.
     */
    private static io.pilotcheck.store.AccountStore.AuditEntry receipt(Instant at, String actor, String address, BatchResult batch) {
        String cities = String.join(",", batch.dossiers().stream().map(d -> d.city() == null ? "?" : d.city()).distinct().toList());
        return new io.pilotcheck.store.AccountStore.AuditEntry(at, actor, address, "submission.received", null,
                cities.length() > 1000 ? cities.substring(0, 1000) + "…" : cities);
    }

    /** An evaluation made now by this pilotcheck. */
    static EvaluationRecord evaluation(Instant at, String reason, String fingerprint, int ruleCount, LocalDate asOf,
                                       BatchResult batch) {
        return new EvaluationRecord(at, reason, fingerprint, ruleCount, ToolVersion.get(), asOf, batch);
    }

    /** The submissions in scope that {@code query} asks for, newest first; a city may be named as the annex or in English. */
    public List<SubmissionStore.Listed> list(Scope scope, SubmissionStore.Query query) {
        String city = query.city() == null ? null
                : rules.get().registry().find(query.city()).map(PilotCity::name).orElse(query.city());
        return store.get().submissions(scope, new SubmissionStore.Query(city, query.province(), query.since(),
                query.limit(), query.before()));
    }

    /** A kept submission in scope, or empty. */
    public Optional<StoredSubmission> find(Scope scope, String id) {
        return store.get().submission(scope, id);
    }

    /** The bytes of a kept file in scope, exactly as received, or empty. */
    public Optional<byte[]> file(Scope scope, String id, String name) {
        return store.get().file(scope, id, name);
    }

    /** The YAML a kept workbook was read as, in {@code scope}; empty for a YAML file (docs/spec/entry.md). */
    public Optional<byte[]> form(Scope scope, String id, String name) {
        return store.get().form(scope, id, name);
    }

    /**
     * A kept submission's report: of the evaluation {@code evaluationId} (null: the latest), in
     * {@code format} and {@code lang}, failing at {@code threshold}, as it was made (its tool
     * version, rule count and fingerprint then; the rules' descriptions as now). Empty when the
     * submission or that evaluation of it is not in scope.
     */
    public Optional<byte[]> report(Scope scope, String id, String evaluationId, ReportFormat format, Language lang,
                                   Severity threshold) {
        Optional<StoredSubmission> kept = find(scope, id);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredSubmission.Evaluation> chosen = evaluationId == null ? Optional.of(kept.get().latest())
                : kept.get().evaluations().stream().filter(e -> e.id().equals(evaluationId)).findFirst();
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        EvaluationRecord evaluation = store.get().evaluation(scope, chosen.get().id()).orElseThrow();
        return Optional.of(Check.render(format, evaluation.batch(), context(rules.get(), evaluation, lang, threshold)));
    }

    /** The dossiers of a kept submission as its latest evaluation found them, in file order; empty when not in scope. */
    public List<io.pilotcheck.finding.DossierResult> dossiers(Scope scope, String id) {
        return find(scope, id).map(kept -> dossiers(scope, kept)).orElse(List.of());
    }

    /** The dossiers of a kept submission as its latest evaluation found them. */
    List<io.pilotcheck.finding.DossierResult> dossiers(Scope scope, StoredSubmission kept) {
        return store.get().evaluation(scope, kept.latest().id()).map(e -> e.batch().dossiers()).orElse(List.of());
    }

    /** The context a kept evaluation's report is written in: as it was made, in the language asked for. */
    static ReportContext context(RuleBook book, EvaluationRecord e, Language lang, Severity threshold) {
        return Check.reportContext(book, ReportHeader.of(io.pilotcheck.words.Clock.day(e.evaluatedAt()), e.asOf()),
                lang, threshold, e.toolVersion(), e.ruleCount(), e.rulesFingerprint());
    }
}
