package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.BatchTally;
import io.pilotcheck.finding.WaiverUse;
import java.util.List;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Language;
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
                + (f.clause().isEmpty() ? "" : " [" + f.clause() + "]")
                + (f.waived() ? " " + WaiverNotes.mark(f.waiver(), lang) : "");
    }

    private static String verdictLine(DossierResult d, Language lang) {
        Map<Severity, Integer> n = new EnumMap<>(Severity.class);
        d.findings().forEach(f -> n.merge(f.severity(), 1, Integer::sum));
        String city = lang == Language.EN ? d.cityEn() : d.city();
        String who = city == null ? "" : " " + city;
        String counts = counts(n, lang);
        String open = lang == Language.EN ? " (" : "（";
        String close = lang == Language.EN ? ")" : "）";
        return d.file() + ":" + who + " — " + ReportWords.verdict(d.verdict(), lang)
                + (counts.isEmpty() ? "" : open + counts + close)
                + (d.asOf() == null ? "" : (lang == Language.EN ? ", as of " : "，评估日期 ") + d.asOf());
    }

    private static String summary(BatchTally batch, RunInfo run, Language lang) {
        Map<Verdict, Integer> v = batch.verdicts();
        Map<Severity, Integer> s = batch.severities();
        if (lang == Language.EN) {
            return "summary: " + batch.dossiers() + (batch.dossiers() == 1 ? " dossier: " : " dossiers: ")
                    + v.get(Verdict.COMPLIANT) + " compliant, "
                    + v.get(Verdict.NON_COMPLIANT) + " non_compliant, " + v.get(Verdict.ERROR) + " error; findings: "
                    + s.get(Severity.VIOLATION) + " violation, " + s.get(Severity.WARNING) + " warning, "
                    + s.get(Severity.PENDING) + " pending, " + s.get(Severity.ERROR) + " error"
                    + (batch.waived() == 0 ? "" : " (" + batch.waived() + " waived)") + "; "
                    + run.ruleCount() + " rules";
        }
        return "汇总：" + batch.dossiers() + " 个档案，合规 " + v.get(Verdict.COMPLIANT) + "，不合规 "
                + v.get(Verdict.NON_COMPLIANT) + "，无法检查 " + v.get(Verdict.ERROR) + "；发现：违规 "
                + s.get(Severity.VIOLATION) + "，警告 " + s.get(Severity.WARNING) + "，待到期 "
                + s.get(Severity.PENDING) + "，错误 " + s.get(Severity.ERROR)
                + (batch.waived() == 0 ? "" : "（其中已豁免 " + batch.waived() + "）")
                + "；规则 " + run.ruleCount() + " 条";
    }

    private static String counts(Map<Severity, Integer> n, Language lang) {
        StringBuilder b = new StringBuilder();
        for (Severity s : new Severity[] {Severity.ERROR, Severity.VIOLATION, Severity.WARNING, Severity.PENDING}) {
            Integer c = n.get(s);
            if (c != null) {
                if (b.length() > 0) {
                    b.append(lang == Language.EN ? ", " : "，");
                }
                b.append(lang == Language.EN ? c + " " + s.id() : ReportWords.severity(s, lang) + " " + c);
            }
        }
        return b.toString();
    }
}
