package io.pilotcheck.watch;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import io.pilotcheck.report.TextReport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What changed in the findings between two runs: {@code +} for a finding that is new, {@code -}
 * for one that is gone, per dossier in file order, each finding as the text report writes it. A
 * finding whose message or line changed shows as one gone and one new.
 *
 * @param lines the changes, in report order
 * @param added how many findings are new
 * @param gone  how many are gone
 */
public record FindingChanges(List<String> lines, int added, int gone) {

    /** The changes from {@code before} to {@code after}, in a language. */
    public static FindingChanges between(BatchResult before, BatchResult after, Language lang) {
        Map<String, DossierResult> old = byFile(before);
        Map<String, DossierResult> now = byFile(after);
        Set<String> files = new java.util.TreeSet<>(old.keySet());
        files.addAll(now.keySet());
        List<String> lines = new ArrayList<>();
        int added = 0;
        int gone = 0;
        for (String file : files) {
            Set<String> was = rendered(old.get(file), lang);
            Set<String> is = rendered(now.get(file), lang);
            for (String f : was) {
                if (!is.contains(f)) {
                    lines.add("- " + f);
                    gone++;
                }
            }
            for (String f : is) {
                if (!was.contains(f)) {
                    lines.add("+ " + f);
                    added++;
                }
            }
        }
        return new FindingChanges(List.copyOf(lines), added, gone);
    }

    private static Map<String, DossierResult> byFile(BatchResult r) {
        Map<String, DossierResult> out = new TreeMap<>();
        r.dossiers().forEach(d -> out.put(d.file(), d));
        return out;
    }

    private static Set<String> rendered(DossierResult d, Language lang) {
        Set<String> out = new LinkedHashSet<>();
        if (d != null) {
            for (Finding f : d.findings()) {
                out.add(TextReport.line(f, lang));
            }
        }
        return out;
    }
}
