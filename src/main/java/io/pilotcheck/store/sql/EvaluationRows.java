package io.pilotcheck.store.sql;


import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.WaiverJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Message;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.finding.WaiverUse;
import io.pilotcheck.source.SourceLocation;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An evaluation's findings as rows, and back: every dossier result and every finding, with both
 * languages' messages, so that any report format renders a kept evaluation as it rendered then.
 */
final class EvaluationRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvaluationRows() {
    }

    /** The dossier results' table's insert, for {@link #add}. */
    static final String INSERT_DOSSIER = "INSERT INTO dossier_result (evaluation_id, position, submission_id, "
            + "file_name, city, city_en, province_zh, province_en, as_of, verdict, violations, warnings, pending, errors, "
            + "waived) VALUES (:evaluation, :position, :submission, :file, :city, :cityEn, :provinceZh, :provinceEn, "
            + ":asOf, :verdict, :violations, :warnings, :pending, :errors, :waived)";

    /** The findings' table's insert, for {@link #add}. */
    static final String INSERT_FINDING = "INSERT INTO finding (evaluation_id, dossier_position, position, rule_id, "
            + "severity, clause, path, file_name, line, col, message_zh, message_en, waiver, sheet, sheet_index) VALUES (:evaluation, "
            + ":dossier, :position, :rule, :severity, :clause, :path, :file, :line, :col, :zh, :en, :waiver, :sheet, :sheetIndex)";

    /** The waiver uses' table's insert, for {@link #addWaivers}. */
    static final String INSERT_WAIVER_USE = "INSERT INTO waiver_use (evaluation_id, position, status, matched, waiver) "
            + "VALUES (:evaluation, :position, :status, :matched, :waiver)";

    /** Adds what became of each waiver of an evaluation's run to a batch of {@link #INSERT_WAIVER_USE}. */
    static void addWaivers(PreparedBatch uses, String evaluationId, BatchResult batch) {
        int position = 0;
        for (WaiverUse u : batch.waivers()) {
            uses.bind("evaluation", evaluationId).bind("position", position++).bind("status", u.status().name())
                    .bind("matched", u.matched()).bind("waiver", waiver(u.waiver())).add();
        }
    }

    /**
     * {@code text} cut to a column's width, with an ellipsis: a city that is not one, or a path
     * through a dozen long keys, is checked and reported whole, and kept as far as the column
     * holds rather than refused by the database (which reads as the store failing).
     */
    static String clip(String text, int width) {
        return text == null || text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    /** Adds an evaluation's dossier results and findings to the two batches of {@link #INSERT_DOSSIER} and {@link #INSERT_FINDING}. */
    static void add(PreparedBatch dossiers, PreparedBatch findings, String evaluationId, String submissionId, BatchResult batch) {
        int position = 0;
        for (DossierResult d : batch.dossiers()) {
            Map<Severity, Integer> counts = new HashMap<>();
            int waived = 0;
            for (Finding f : d.findings()) {
                if (f.waived()) {
                    waived++;
                } else {
                    counts.merge(f.severity(), 1, Integer::sum);
                }
            }
            dossiers.bind("evaluation", evaluationId).bind("position", position).bind("submission", submissionId)
                    .bind("file", clip(d.file(), 1000)).bind("city", clip(d.city(), 100)).bind("cityEn", clip(d.cityEn(), 100))
                    .bind("provinceZh", d.province() == null ? null : clip(d.province().zh(), 100))
                    .bind("provinceEn", d.province() == null ? null : clip(d.province().en(), 100))
                    .bind("asOf", d.asOf()).bind("verdict", d.verdict().id())
                    .bind("violations", counts.getOrDefault(Severity.VIOLATION, 0))
                    .bind("warnings", counts.getOrDefault(Severity.WARNING, 0))
                    .bind("pending", counts.getOrDefault(Severity.PENDING, 0))
                    .bind("errors", counts.getOrDefault(Severity.ERROR, 0)).bind("waived", waived).add();
            int index = 0;
            for (Finding f : d.findings()) {
                findings.bind("evaluation", evaluationId).bind("dossier", position).bind("position", index++)
                        .bind("rule", clip(f.ruleId(), 100)).bind("severity", f.severity().id()).bind("clause", clip(f.clause(), 100))
                        .bind("path", clip(f.path(), 1000)).bind("file", clip(f.location().file(), 1000)).bind("line", f.location().line())
                        .bind("col", f.location().column()).bind("zh", f.message().zh()).bind("en", f.message().en())
                        .bind("waiver", f.waiver() == null ? null : waiver(f.waiver()))
                        .bind("sheet", f.location().inSheet() ? clip(f.location().sheet().name(), 100) : null)
                        .bind("sheetIndex", f.location().inSheet() ? f.location().sheet().index() : null).add();
            }
            position++;
        }
    }

    /** A stored finding's sheet: none for a YAML dossier's. */
    static SourceLocation.Sheet sheet(String name, int index) {
        return name == null ? null : new SourceLocation.Sheet(index, name);
    }

    static Optional<EvaluationRecord> read(Handle h, String evaluationId) {
        return read(h, evaluationId, -1);
    }

    /** As {@link #read(Handle, String)}, with only the dossier at {@code position} (every dossier when negative). */
    static Optional<EvaluationRecord> read(Handle h, String evaluationId, int position) {
        String oneFinding = position < 0 ? "" : " AND dossier_position = :position";
        String oneDossier = position < 0 ? "" : " AND position = :position";
        Optional<EvaluationRecord> head = h.createQuery(HEAD + "WHERE id = :id")
                .bind("id", evaluationId)
                .map((rs, ctx) -> head(rs))
                .findOne();
        if (head.isEmpty()) {
            return head;
        }
        Map<Integer, List<Finding>> byDossier = new HashMap<>();
        h.createQuery(FINDING + "WHERE evaluation_id = :id" + oneFinding + " ORDER BY dossier_position, position")
                .bind("id", evaluationId).bindMap(position < 0 ? Map.of() : Map.of("position", position))
                .map((rs, ctx) -> Map.entry(rs.getInt(1), finding(rs)))
                .forEach(e -> byDossier.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<DossierResult> dossiers = h.createQuery(DOSSIER + "WHERE evaluation_id = :id" + oneDossier + " ORDER BY position")
                .bind("id", evaluationId).bindMap(position < 0 ? Map.of() : Map.of("position", position))
                .map((rs, ctx) -> dossier(rs, byDossier.getOrDefault(rs.getInt(1), List.of())))
                .list();
        List<WaiverUse> uses = h.createQuery(WAIVER_USE + "WHERE evaluation_id = :id ORDER BY position")
                .bind("id", evaluationId)
                .map((rs, ctx) -> waiverUse(rs))
                .list();
        return Optional.of(whole(head.get(), dossiers, uses));
    }

    /**
     * Whole evaluations by id, each as {@link #read(Handle, String)} gives it, in four statements
     * for them all (an export reads the store a page at a time, not a row at a time); an id
     * with no evaluation is left out.
     */
    static Map<String, EvaluationRecord> readAll(Handle h, List<String> evaluationIds) {
        Map<String, EvaluationRecord> out = new java.util.LinkedHashMap<>();
        if (evaluationIds.isEmpty()) {
            return out;
        }
        // each query names the evaluation in its last column, after the columns read() maps
        Map<String, EvaluationRecord> heads = new HashMap<>();
        h.createQuery(HEAD.replace(" FROM", ", id FROM") + "WHERE id IN (<ids>)").bindList("ids", evaluationIds)
                .map((rs, ctx) -> Map.entry(rs.getString(7), head(rs))).forEach(e -> heads.put(e.getKey(), e.getValue()));
        Map<String, Map<Integer, List<Finding>>> findings = new HashMap<>();
        h.createQuery(FINDING.replace(" FROM", ", evaluation_id FROM") + "WHERE evaluation_id IN (<ids>) "
                        + "ORDER BY evaluation_id, dossier_position, position").bindList("ids", evaluationIds)
                .map((rs, ctx) -> Map.entry(rs.getString(14), Map.entry(rs.getInt(1), finding(rs))))
                .forEach(e -> findings.computeIfAbsent(e.getKey(), k -> new HashMap<>())
                        .computeIfAbsent(e.getValue().getKey(), k -> new ArrayList<>()).add(e.getValue().getValue()));
        Map<String, List<DossierResult>> dossiers = new HashMap<>();
        h.createQuery(DOSSIER.replace(" FROM", ", evaluation_id FROM") + "WHERE evaluation_id IN (<ids>) "
                        + "ORDER BY evaluation_id, position").bindList("ids", evaluationIds)
                .map((rs, ctx) -> Map.entry(rs.getString(8), dossier(rs, findings.getOrDefault(rs.getString(8), Map.of())
                        .getOrDefault(rs.getInt(1), List.of()))))
                .forEach(e -> dossiers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, List<WaiverUse>> uses = new HashMap<>();
        h.createQuery(WAIVER_USE.replace(" FROM", ", evaluation_id FROM") + "WHERE evaluation_id IN (<ids>) "
                        + "ORDER BY evaluation_id, position").bindList("ids", evaluationIds)
                .map((rs, ctx) -> Map.entry(rs.getString(4), waiverUse(rs)))
                .forEach(e -> uses.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        for (String id : evaluationIds) {
            EvaluationRecord head = heads.get(id);
            if (head != null) {
                out.put(id, whole(head, dossiers.getOrDefault(id, List.of()), uses.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    private static final String HEAD = "SELECT evaluated_at, reason, rules_fingerprint, rule_count, tool_version, as_of "
            + "FROM evaluation ";
    private static final String FINDING = "SELECT dossier_position, rule_id, severity, clause, path, file_name, line, col, "
            + "message_zh, message_en, waiver, sheet, sheet_index FROM finding ";
    private static final String DOSSIER = "SELECT position, file_name, city, city_en, province_zh, province_en, as_of "
            + "FROM dossier_result ";
    private static final String WAIVER_USE = "SELECT status, matched, waiver FROM waiver_use ";

    private static EvaluationRecord head(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new EvaluationRecord(SqliteValues.instant(rs, 1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), SqliteValues.date(rs, 6), null);
    }

    private static Finding finding(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Finding(rs.getString(2), Severity.fromId(rs.getString(3)), rs.getString(4),
                new Message(rs.getString(9), rs.getString(10)), rs.getString(5),
                new SourceLocation(rs.getString(6), rs.getInt(7), rs.getInt(8), sheet(rs.getString(12), rs.getInt(13))),
                waiver(rs.getString(11)));
    }

    private static DossierResult dossier(java.sql.ResultSet rs, List<Finding> findings) throws java.sql.SQLException {
        return new DossierResult(rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5) == null ? null : new Message(rs.getString(5), rs.getString(6)),
                SqliteValues.date(rs, 7), findings);
    }

    private static WaiverUse waiverUse(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new WaiverUse(waiver(rs.getString(3)), WaiverUse.Status.valueOf(rs.getString(1)), rs.getInt(2));
    }

    private static EvaluationRecord whole(EvaluationRecord head, List<DossierResult> dossiers, List<WaiverUse> uses) {
        return new EvaluationRecord(head.evaluatedAt(), head.reason(), head.rulesFingerprint(), head.ruleCount(),
                head.toolVersion(), head.asOf(), new BatchResult(dossiers, uses));
    }

    private static String waiver(Waiver w) {
        return WaiverJson.of(w).toString();
    }

    private static Waiver waiver(String json) {
        if (json == null) {
            return null;
        }
        try {
            return WaiverJson.waiver(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("a kept waiver is not JSON: " + json, e);
        }
    }
}
