package io.pilotcheck.store.sql;

import io.pilotcheck.store.NewSubmission;
import io.pilotcheck.store.EvaluationRecord;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of one write transaction, one JDBC batch a table, sent in the order the foreign keys
 * need: however many submissions a write holds, it is at most seven statements to the database.
 */
final class WriteBatch {

    private final PreparedBatch files;
    private final PreparedBatch submissions;
    private final PreparedBatch submissionFiles;
    private final PreparedBatch evaluations;
    private final PreparedBatch dossiers;
    private final PreparedBatch findings;
    private final PreparedBatch waiverUses;
    private final Set<String> filesAdded = new HashSet<>();

    WriteBatch(Handle h) {
        // identical bytes are kept once, and bytes already kept are not written again; a
        // concurrent write of the same bytes is no conflict
        files = h.prepareBatch("INSERT INTO stored_file (sha256, size_bytes, content) VALUES (:sha, :size, :content) "
                + "ON CONFLICT DO NOTHING");
        submissions = h.prepareBatch("INSERT INTO submission (id, received_at, submitter, source, file_count) "
                + "VALUES (:id, :received, :submitter, :source, :count)");
        submissionFiles = h.prepareBatch("INSERT INTO submission_file (submission_id, position, name, sha256, form_sha256) "
                + "VALUES (:id, :position, :name, :sha, :form)");
        evaluations = h.prepareBatch("INSERT INTO evaluation (id, submission_id, evaluated_at, reason, rules_fingerprint, "
                + "rule_count, tool_version, as_of) VALUES (:id, :submission, :at, :reason, :fingerprint, :rules, :version, :asOf)");
        dossiers = h.prepareBatch(EvaluationRows.INSERT_DOSSIER);
        findings = h.prepareBatch(EvaluationRows.INSERT_FINDING);
        waiverUses = h.prepareBatch(EvaluationRows.INSERT_WAIVER_USE);
    }

    /** Each file's hash by the very array it was worked out from: an import hands the same bytes to many submissions. */
    private final java.util.Map<byte[], String> hashed = new java.util.IdentityHashMap<>();

    private String sha256(byte[] bytes) {
        return hashed.computeIfAbsent(bytes, SqlSubmissionStore::sha256);
    }

    /** A submission's row and its files' (each file's bytes once); not its evaluations. */
    WriteBatch submission(String id, NewSubmission submission) {
        submissions.bind("id", id).bind("received", SqlSubmissionStore.utc(submission.received()))
                .bind("submitter", submission.submitter()).bind("source", submission.source().id())
                .bind("count", submission.files().size()).add();
        int position = 0;
        for (NewSubmission.SubmittedFile f : submission.files()) {
            String sha = sha256(f.bytes());
            if (filesAdded.add(sha)) {
                files.bind("sha", sha).bind("size", (long) f.bytes().length).bind("content", f.bytes()).add();
            }
            String form = f.form() == null ? null : sha256(f.form());
            if (form != null && filesAdded.add(form)) {
                files.bind("sha", form).bind("size", (long) f.form().length).bind("content", f.form()).add();
            }
            submissionFiles.bind("id", id).bind("position", position++).bind("name", f.name()).bind("sha", sha)
                    .bind("form", form).add();
        }
        return this;
    }

    /** An evaluation of a submission, with its dossier results and findings. */
    WriteBatch evaluation(String submissionId, String evaluationId, EvaluationRecord e) {
        evaluations.bind("id", evaluationId).bind("submission", submissionId).bind("at", SqlSubmissionStore.utc(e.evaluatedAt()))
                .bind("reason", e.reason()).bind("fingerprint", e.rulesFingerprint()).bind("rules", e.ruleCount())
                .bind("version", e.toolVersion()).bind("asOf", e.asOf()).add();
        EvaluationRows.add(dossiers, findings, evaluationId, submissionId, e.batch());
        EvaluationRows.addWaivers(waiverUses, evaluationId, e.batch());
        return this;
    }

    /** Sends every row added, in the order the foreign keys need. */
    void execute() {
        for (PreparedBatch batch : List.of(files, submissions, submissionFiles, evaluations, dossiers, findings, waiverUses)) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }
}
