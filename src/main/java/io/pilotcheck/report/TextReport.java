package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.BatchTally;
import io.pilotcheck.finding.WaiverUse;
import java.util.List;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;

import java.util.EnumMap;
import java.util.Map;

/**
 * The text report, read like a compiler's output so editors and terminals can jump to each
 * finding: {@code file:line:col: severity LCP-XXX-NN message [clause]}, then each dossier's
 * verdict, then a summary.
 */
public final class TextReport {

    private TextReport() {
    }

    /** Renders the report in {@code lang}. */
    public static String render(BatchResult batch, RunInfo run, Language lang) {
        return Streamed.render(streamed(run, lang), batch);
    }

    /** The report written dossier by dossier: each dossier's findings and verdict, then the summary. */
    public static StreamedReport streamed(RunInfo run, Language lang) {
        return new StreamedReport() {
            @Override
            public String fragment(DossierResult d) {
                StringBuilder out = new StringBuilder();
                for (Finding f : d.findings()) {
                    out.append(line(f, lang)).append('\n');
                }
                return out.append(verdictLine(d, lang)).append('\n').toString();
            }

            @Override
            public String before(BatchTally tally, List<WaiverUse> waivers) {
                return "";
            }

            @Override
            public String between() {
                return "";
            }

            @Override
            public String after(BatchTally tally, List<WaiverUse> waivers) {
                return summary(tally, run, lang) + "\n";
            }
        };
    }

    /** One finding as a compiler-style line: {@code file:line:col: severity ID message [clause]}. */
    public static String line(Finding f, Language lang) {
        return f.location() + ": " + f.severity().id() + " " + f.ruleId() + " " + f.message().in(lang)
                + (f.clause().isEmpty() ? "" : " [" + ReportWords.clause(f.clause(), lang) + "]")
                + (f.waived() ? " " + WaiverNotes.mark(f.waiver(), lang) : "");
    }

    private static String verdictLine(DossierResult d, Language lang) {
        Map<Severity, Integer> n = new EnumMap<>(Severity.class);
        d.findings().stream().filter(f -> !f.waived()).forEach(f -> n.merge(f.severity(), 1, Integer::sum));
        int waived = (int) d.findings().stream().filter(Finding::waived).count();
        String city = d.city(lang);
        String who = city == null ? "" : " " + city;
        String counts = counts(n, waived, lang);
        return d.file() + ":" + who + " — " + ReportWords.verdict(d.verdict(), lang)
                + (counts.isEmpty() ? "" : ReportWords.word("text.counts", lang, "counts", counts))
                + (d.asOf() == null ? "" : ReportWords.word("text.asOf", lang, "date", d.asOf()));
    }

    private static String summary(BatchTally batch, RunInfo run, Language lang) {
        Map<Verdict, Integer> v = batch.verdicts();
        Map<Severity, Integer> s = batch.unwaived();
        return ReportWords.word("text.summary", lang, "dossiers", batch.dossiers(),
                "plural", batch.dossiers() == 1 ? "" : "s",
                "compliant", v.get(Verdict.COMPLIANT), "non_compliant", v.get(Verdict.NON_COMPLIANT),
                "errors", v.get(Verdict.ERROR), "violation", s.get(Severity.VIOLATION),
                "warning", s.get(Severity.WARNING), "pending", s.get(Severity.PENDING), "error", s.get(Severity.ERROR),
                "waived", batch.waived() == 0 ? "" : ReportWords.word("text.summaryWaived", lang, "n", batch.waived()),
                "rules", run.ruleCount());
    }

    /** The dossier's findings by severity, waived ones apart: 违规 2，已豁免 1. */
    private static String counts(Map<Severity, Integer> n, int waived, Language lang) {
        StringBuilder b = new StringBuilder();
        for (Severity s : new Severity[] {Severity.ERROR, Severity.VIOLATION, Severity.WARNING, Severity.PENDING}) {
            Integer c = n.get(s);
            if (c != null) {
                if (b.length() > 0) {
                    b.append(ReportWords.word("text.countSeparator", lang));
                }
                b.append(ReportWords.word("text.count", lang, "n", c, "severity", ReportWords.severity(s, lang)));
            }
        }
        if (waived > 0) {
            b.append(b.length() > 0 ? ReportWords.word("text.countSeparator", lang) : "")
                    .append(ReportWords.word("text.waivedCount", lang, "n", waived));
        }
        return b.toString();
    }
}
