package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.rules.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The 45 pilots × rules table of the xlsx and HTML reports: for each pilot (in annex order) and
 * each rule, the worst outcome over that pilot's dossiers. Dossiers that name no pilot are not in
 * the table; the reports list them with their findings.
 *
 * @param rules the columns, in catalogue order
 * @param rows  one per pilot of the annex
 */
public record PilotMatrix(List<RuleInfo> rules, List<Row> rows) {

    /** A cell's outcome, from best to worst. */
    public enum Outcome {
        /** No dossier of this pilot was in the batch. */
        NO_DOSSIER,
        /** Checked, no finding. */
        PASSED,
        /** Every finding of the rule for this pilot is waived. */
        WAIVED,
        /** Not yet due. */
        PENDING,
        /** A warning. */
        WARNING,
        /** A violation. */
        VIOLATION,
        /** The data is impossible, or the rule failed. */
        ERROR;

        /** The cell's word in a report language. */
        public String label(Language lang) {
            return ReportWords.word("matrix." + name().toLowerCase(java.util.Locale.ROOT), lang);
        }
    }

    /**
     * One pilot's row.
     *
     * @param pilot the annex entry
     * @param files its dossiers in the batch
     * @param cells one per rule, in column order
     */
    public record Row(PilotCity pilot, List<String> files, List<Cell> cells) {
    }

    /**
     * One cell: its outcome, and how many findings give it (waived ones for {@code WAIVED}).
     *
     * @param outcome the worst outcome
     * @param count   the findings of that outcome
     */
    public record Cell(Outcome outcome, int count) {
    }

    /** Builds the table. */
    public static PilotMatrix of(BatchResult batch, List<RuleInfo> rules, PilotRegistry registry) {
        Map<String, List<DossierResult>> byCity = byCity(batch);
        List<Row> rows = new ArrayList<>();
        for (PilotCity pilot : registry.cities()) {
            List<DossierResult> mine = byCity.getOrDefault(pilot.name(), List.of());
            List<Cell> cells = new ArrayList<>();
            for (RuleInfo r : rules) {
                cells.add(mine.isEmpty() ? new Cell(Outcome.NO_DOSSIER, 0) : cell(mine, r.id()));
            }
            rows.add(new Row(pilot, mine.stream().map(DossierResult::file).toList(), cells));
        }
        return new PilotMatrix(List.copyOf(rules), rows);
    }

    /** The batch's dossiers by the city they name (dossiers that name none are left out), in file order. */
    static Map<String, List<DossierResult>> byCity(BatchResult batch) {
        return batch.dossiers().stream().filter(d -> d.city() != null)
                .collect(Collectors.groupingBy(DossierResult::city));
    }

    private static Cell cell(List<DossierResult> dossiers, String ruleId) {
        Outcome worst = Outcome.PASSED;
        int count = 0;
        for (DossierResult d : dossiers) {
            for (Finding f : d.findings()) {
                if (!f.ruleId().equals(ruleId)) {
                    continue;
                }
                Outcome o = f.waived() ? Outcome.WAIVED : outcome(f.severity());
                if (o.compareTo(worst) > 0) {
                    worst = o;
                    count = 1;
                } else if (o == worst) {
                    count++;
                }
            }
        }
        return new Cell(worst, count);
    }

    private static Outcome outcome(Severity s) {
        return switch (s) {
            case PENDING -> Outcome.PENDING;
            case WARNING -> Outcome.WARNING;
            case VIOLATION -> Outcome.VIOLATION;
            case ERROR -> Outcome.ERROR;
        };
    }
}
