package io.pilotcheck.store;

import io.pilotcheck.finding.Severity;
import io.pilotcheck.registry.Scope;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kept submissions, their files and every evaluation of them ({@code docs/store.md}), in the
 * domain's own records. Every read takes the caller's {@link Scope} and returns only what lies in
 * it: a submission lies in a scope when one of its dossiers does. The SQL behind it is in
 * {@code store.sql}; nothing here knows how the rows are kept.
 */
public interface SubmissionStore extends AutoCloseable, RuleSetStore, AccountStore, ReviewStore {

    /** A submission in a list: who, when, and what its latest evaluation found, pilot by pilot. */
    record Listed(String id, Instant received, String submitter, Source source, List<String> cities,
                  Map<String, Integer> verdicts) {
    }

    /**
     * Which submissions a list holds: those with a dossier of {@code city} or of a pilot in
     * {@code province} when given, received on or after {@code since} when given, older than the
     * submission {@code before} when given; at most {@code limit}, newest first.
     */
    record Query(String city, String province, Instant since, int limit, String before) {
    }

    /**
     * The store's connections now, for the metrics.
     *
     * @param active  in use
     * @param idle    open and free
     * @param total   open
     * @param waiting threads waiting for one
     * @param max     the most the store opens
     */
    record Connections(int active, int idle, int total, int waiting, int max) {
    }

    /** The store's connections now. */
    Connections connections();

    /** Where the store is, as its start-up line and {@code /readyz} show it (no password). */
    String shown();

    /**
     * Keeps a submission and its first evaluation, in one transaction.
     *
     * @return the submission's id, once it is committed
     * @throws StoreUnavailable when the database fails; nothing of the submission is kept then
     */
    default String record(NewSubmission submission) {
        return record(submission, null);
    }

    /**
     * As {@link #record(NewSubmission)}, with the audit row of its receipt in the same transaction
     * (its {@code object} becomes the new submission's id): one commit, not two, and never a
     * submission without its row. {@code receipt} null writes none.
     */
    String record(NewSubmission submission, AccountStore.AuditEntry receipt);

    /**
     * A submission from an export, with the ids it had.
     *
     * @param id          its id
     * @param submission  its files and first evaluation
     * @param evaluations every evaluation under its own id, the first one first
     */
    record Restored(String id, NewSubmission submission, List<Map.Entry<String, EvaluationRecord>> evaluations) {
    }

    /**
     * Puts back several submissions from an export in one transaction (an import writes them in
     * groups: a transaction each was most of its time); those already here are left as they are.
     *
     * @return how many were added
     */
    int restoreAll(List<Restored> group);

    /**
     * Adds a re-check's evaluation unless the submission's latest evaluation is already under the
     * same rules (another re-check got there first); the new evaluation's id, or empty.
     */
    Optional<String> addEvaluationUnlessCurrent(String submissionId, EvaluationRecord evaluation);

    /**
     * Keeps what an edition of the rules said ({@code RuleEdition}'s JSON) under its
     * fingerprint, unless it is kept already: the rules a kept evaluation was made under.
     */
    void keepRuleEdition(String fingerprint, String edition);

    /** The edition of the rules kept under {@code fingerprint}, as JSON, or empty. */
    Optional<String> ruleEdition(String fingerprint);

    /** Every edition of the rules kept, as JSON by fingerprint, in fingerprint order. */
    Map<String, String> ruleEditions();

    /** A kept submission in {@code scope}, or empty. */
    Optional<StoredSubmission> submission(Scope scope, String id);

    /** The bytes of a kept submission's file in {@code scope}, exactly as received, or empty. */
    Optional<byte[]> file(Scope scope, String submissionId, String name);

    /** The YAML a kept workbook was read as (docs/spec/entry.md), or empty (a YAML file has none). */
    Optional<byte[]> form(Scope scope, String submissionId, String name);

    /** An evaluation of a submission in {@code scope}, with every finding, or empty. */
    Optional<EvaluationRecord> evaluation(Scope scope, String evaluationId);

    /**
     * Whole submissions for an archive, in the order of {@code ids}: each with its files and
     * every evaluation with every finding. Read a page at a time, not a row at a time; an id
     * the store does not hold is left out.
     */
    List<Whole> wholes(List<String> ids);

    /** A submission with each of its evaluations' records, by evaluation id in the submission's order. */
    record Whole(StoredSubmission submission, Map<String, EvaluationRecord> evaluations) {
    }

    /** An evaluation with one dossier's findings only (the dossier at {@code position}), or empty. */
    Optional<EvaluationRecord> evaluation(Scope scope, String evaluationId, int position);

    /**
     * Each named pilot's latest dossier in {@code scope}: from its newest submission, as that
     * submission's latest evaluation found it. A pilot never submitted has no entry.
     */
    Map<String, DossierEntry> latest(Scope scope, List<String> cities);

    /**
     * A pilot's dossiers over time, oldest submission first, one a submission: at most the newest
     * {@code count} submissions older than {@code before} (an id) when given.
     */
    List<DossierEntry> history(Scope scope, String city, int count, String before);

    /**
     * For each of {@code entries}, the rule ids of its dossier's findings of one severity that no
     * waiver accepts, in report order.
     */
    Map<DossierEntry, List<String>> rules(Collection<DossierEntry> entries, Severity severity);

    /** The submissions in {@code scope} that {@code query} asks for, newest first. */
    List<Listed> submissions(Scope scope, Query query);

    /** Every kept submission's id in {@code scope}, oldest first. */
    List<String> ids(Scope scope);

    /** The bytes of every kept file, each stored once. */
    long storedBytes();

    /** Why the store cannot answer now, waiting at most {@code wait} to learn it; empty when it answers. */
    Optional<String> problem(Duration wait);

    /** Closes the store. */
    @Override
    void close();

    /** Whether {@code text} has the form of a submission's or an evaluation's id: 32 lower-case hexadecimal digits. */
    static boolean isId(String text) {
        return text != null && text.matches("[0-9a-f]{32}");
    }

    /** A file's SHA-256, in lower-case hexadecimal: the name it is stored and exported under. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
