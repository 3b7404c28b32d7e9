package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.PilotRegistry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch by province, in the annex's order: how many pilots and dossiers, the verdicts, and
 * the findings by severity with the waived ones apart. The HTML report and the workbook show the
 * same table.
 */
final class ProvinceTable {

    /** One province's counts. */
    record Line(String province, int pilots, int dossiers, Map<Verdict, Integer> verdicts,
                Map<Severity, Integer> severities, int waived) {
    }

    private ProvinceTable() {
    }

    static List<Line> of(BatchResult batch, PilotRegistry registry, Language lang) {
        Map<String, List<DossierResult>> byCity = PilotMatrix.byCity(batch);
        Map<String, Counter> rows = new LinkedHashMap<>();
        for (PilotCity p : registry.cities()) {
            Counter c = rows.computeIfAbsent(p.province(), k -> new Counter(p.province(lang)));
            c.pilots++;
            for (DossierResult d : byCity.getOrDefault(p.name(), List.of())) {
                c.dossiers++;
                c.verdicts.merge(d.verdict(), 1, Integer::sum);
                for (Finding f : d.findings()) {
                    if (f.waived()) {
                        c.waived++;
                    } else {
                        c.severities.merge(f.severity(), 1, Integer::sum);
                    }
                }
            }
        }
        List<Line> out = new ArrayList<>();
        rows.values().forEach(c -> out.add(new Line(c.name, c.pilots, c.dossiers, c.verdicts, c.severities, c.waived)));
        return out;
    }

    private static final class Counter {
        final String name;
        int pilots;
        int dossiers;
        int waived;
        final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        final Map<Severity, Integer> severities = new EnumMap<>(Severity.class);

        Counter(String name) {
            this.name = name;
            for (Verdict v : Verdict.values()) {
                verdicts.put(v, 0);
            }
            for (Severity s : Severity.values()) {
                severities.put(s, 0);
            }
        }
    }
}
