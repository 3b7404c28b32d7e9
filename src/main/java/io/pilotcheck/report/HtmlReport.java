package io.pilotcheck.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.BuiltInChecks;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import io.pilotcheck.finding.WaiverUse;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.rules.RuleInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code check --format html}: one self-contained page to hand to colleagues and leaders. It
 * loads nothing from the network (styles inline, charts as inline SVG, no script), prints on A4
 * landscape, and is in Chinese unless {@code --lang en}. Sections: summary counts and charts,
 * findings by rule and by province, the 45 pilots × rules matrix, then every dossier with each
 * finding's clause, the notice's words and its location. The page is a Mustache template
 * ({@code report.html.mustache}); this class builds its view, so the template holds no logic.
 */
public final class HtmlReport {

    private static final Template TEMPLATE = compile("report.html.mustache");
    /** The findings dossier by dossier: at the end of the page, or at its start for a few dossiers. */
    private static final Template DETAILS = compile("report-details.html.mustache");
    /** Up to this many dossiers, a report leads with their findings. */
    static final int FEW = 3;
    private static final Severity[] WORST_FIRST = {Severity.ERROR, Severity.VIOLATION, Severity.WARNING, Severity.PENDING};

    private HtmlReport() {
    }

    /** The page. */
    public static String render(BatchResult batch, ReportContext context) {
        RunInfo run = context.run();
        Language lang = context.lang();
        Map<String, Object> view = new LinkedHashMap<>();
        HtmlWords w = new HtmlWords(lang);
        view.put("t", w.all());
        Map<String, String> sev = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            sev.put(s.id(), ReportWords.severity(s, lang));
        }
        view.put("sev", sev);
        view.put("htmlLang", lang.tag());
        view.put("run", run);
        view.put("header", header(batch, run.header(), w, lang));
        view.put("counts", counts(batch, w));
        view.put("verdictChart", HtmlChart.bars(verdictBars(batch, lang), w.get("chart_verdicts")));
        view.put("severityChart", HtmlChart.bars(severityBars(batch, lang), w.get("chart_severities")));
        view.put("byRule", byRule(batch, context, lang));
        view.put("byProvince", byProvince(batch, context, lang));
        view.put("matrix", matrix(PilotMatrix.of(batch, context.rules(), context.registry()), lang));
        view.put("legend", legend(lang));
        view.put("dossiers", dossiers(batch, context, lang));
        view.put("waivers", waivers(batch, lang));
        view.put("hasWaivers", !batch.waivers().isEmpty());
        // a report of one or a few dossiers is read for their findings: those lead, and the
        // tables across pilots and provinces appear only when there are several to compare
        long pilots = batch.dossiers().stream().map(d -> d.city() == null ? d.file() : d.city()).distinct().count();
        long provinces = batch.dossiers().stream().map(d -> d.province(Language.ZH)).filter(p -> !p.isEmpty()).distinct().count();
        view.put("showMatrix", pilots > 1);
        view.put("showProvinces", provinces > 1);
        String details = DETAILS.execute(view);
        boolean few = batch.dossiers().size() <= FEW;
        view.put("detailsFirst", few ? details : "");
        view.put("detailsLast", few ? "" : details);
        return TEMPLATE.execute(view);
    }

    /** The page's title and the run line's dates and maker, as {@link ReportHeader} gives them. */
    private static Map<String, Object> header(BatchResult batch, ReportHeader h, HtmlWords w, Language lang) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", h.title().isEmpty() ? w.get("title") : h.title());
        out.put("organisation", h.organisation());
        out.put("evaluated", EvaluationDates.describe(batch, h, lang));
        out.put("generated", h.generated() == null ? "" : h.generated().toString());
        for (String label : new String[] {"organisation", "evaluated", "generated"}) {
            out.put(label + "Label", ReportWords.word("header." + label, lang));
        }
        return out;
    }

    private static Template compile(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true)
                    .compile(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> counts(BatchResult batch, HtmlWords w) {
        Map<Verdict, Integer> v = batch.verdicts();
        Map<Severity, Integer> s = batch.unwaived();
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(count("dossiers", w.get("dossiers"), batch.dossiers().size(), "total"));
        out.add(count("compliant", w.get("compliant"), v.get(Verdict.COMPLIANT), "compliant"));
        out.add(count("non_compliant", w.get("non_compliant"), v.get(Verdict.NON_COMPLIANT), "non_compliant"));
        out.add(count("errors", w.get("errors"), v.get(Verdict.ERROR), "error"));
        for (Severity sev : new Severity[] {Severity.VIOLATION, Severity.WARNING, Severity.PENDING, Severity.ERROR}) {
            out.add(count(sev.id(), w.severity(sev), s.get(sev), sev.id()));
        }
        out.add(count("waived", w.get("waived"), batch.waived(), "waived"));
        return out;
    }

    private static Map<String, Object> count(String key, String label, int value, String cls) {
        return Map.of("key", key, "label", label, "value", value, "cls", cls);
    }

    private static List<HtmlChart.Bar> verdictBars(BatchResult batch, Language lang) {
        Map<Verdict, Integer> v = batch.verdicts();
        List<HtmlChart.Bar> bars = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
            bars.add(new HtmlChart.Bar(ReportWords.verdict(verdict, lang), v.get(verdict), verdict.id()));
        }
        return bars;
    }

    private static List<HtmlChart.Bar> severityBars(BatchResult batch, Language lang) {
        Map<Severity, Integer> s = batch.unwaived();
        List<HtmlChart.Bar> bars = new ArrayList<>();
        for (Severity sev : WORST_FIRST) {
            bars.add(new HtmlChart.Bar(ReportWords.severity(sev, lang), s.get(sev), sev.id()));
        }
        if (batch.waived() > 0) {
            bars.add(new HtmlChart.Bar(ReportWords.word("html.waived", lang), batch.waived(), "waived"));
        }
        return bars;
    }

    private static List<Map<String, Object>> byRule(BatchResult batch, ReportContext context, Language lang) {
        // per rule: each severity not waived, then waived, then the total
        int waivedAt = Severity.values().length;
        int totalAt = waivedAt + 1;
        Map<String, int[]> counts = new LinkedHashMap<>();
        context.rules().forEach(r -> counts.put(r.id(), new int[totalAt + 1]));
        // loader and engine checks after the rules, in id order
        batch.dossiers().stream().flatMap(d -> d.findings().stream()).map(Finding::ruleId).sorted()
                .forEach(id -> counts.computeIfAbsent(id, k -> new int[totalAt + 1]));
        for (DossierResult d : batch.dossiers()) {
            for (Finding f : d.findings()) {
                int[] c = counts.get(f.ruleId());
                c[f.waived() ? waivedAt : f.severity().ordinal()]++;
                c[totalAt]++;
            }
        }
        int max = counts.values().stream().mapToInt(c -> c[totalAt]).max().orElse(0);
        List<Map<String, Object>> out = new ArrayList<>();
        counts.forEach((id, c) -> {
            int total = c[totalAt];
            if (total == 0) {
                return;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("title", title(id, context, lang));
            for (Severity s : Severity.values()) {
                row.put(s.id(), c[s.ordinal()] == 0 ? "" : c[s.ordinal()]);
            }
            row.put("waived", c[waivedAt] == 0 ? "" : c[waivedAt]);
            row.put("total", total);
            row.put("barWidth", max == 0 ? 0 : Math.round(100.0 * total / max));
            out.add(row);
        });
        return out;
    }

    private static List<Map<String, Object>> byProvince(BatchResult batch, ReportContext context, Language lang) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProvinceTable.Line line : ProvinceTable.of(batch, context.registry(), lang)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("province", line.province());
            r.put("pilots", line.pilots());
            r.put("dossiers", line.dossiers());
            line.verdicts().forEach((v, n) -> r.put("v_" + v.id(), n));
            line.severities().forEach((s, n) -> r.put("s_" + s.id(), n));
            r.put("s_waived", line.waived());
            out.add(r);
        }
        return out;
    }

    private static Map<String, Object> matrix(PilotMatrix m, Language lang) {
        List<Map<String, Object>> head = new ArrayList<>();
        for (RuleInfo r : m.rules()) {
            head.add(Map.of("id", r.id(), "short", r.id().replace("LCP-", ""), "title", r.title(lang)));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PilotMatrix.Row row : m.rows()) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                PilotMatrix.Cell c = row.cells().get(i);
                cells.add(Map.of("cls", "o-" + c.outcome().name().toLowerCase(java.util.Locale.ROOT),
                        "symbol", symbol(c.outcome()) + (c.count() > 1 ? c.count() : ""),
                        "title", m.rules().get(i).id() + " " + c.outcome().label(lang)
                                + (c.count() > 0 ? " ×" + c.count() : "")));
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("number", row.pilot().number());
            r.put("name", row.pilot().name(lang));
            r.put("starred", row.pilot().starred());
            r.put("anchor", row.files().isEmpty() ? "" : anchor(row.files().get(0)));
            r.put("cells", cells);
            rows.add(r);
        }
        return Map.of("head", head, "rows", rows);
    }

    private static String symbol(PilotMatrix.Outcome o) {
        return switch (o) {
            case NO_DOSSIER -> "·";
            case PASSED -> "✓";
            case WAIVED -> "W";
            case PENDING -> "…";
            case WARNING -> "!";
            case VIOLATION -> "✗";
            case ERROR -> "E";
        };
    }

    private static List<Map<String, Object>> legend(Language lang) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PilotMatrix.Outcome o : PilotMatrix.Outcome.values()) {
            out.add(Map.of("cls", "o-" + o.name().toLowerCase(java.util.Locale.ROOT), "symbol", symbol(o),
                    "label", o.label(lang)));
        }
        return out;
    }

    private static List<Map<String, Object>> dossiers(BatchResult batch, ReportContext context, Language lang) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DossierResult d : batch.dossiers()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("file", d.file());
            view.put("anchor", anchor(d.file()));
            String city = d.city(lang);
            view.put("city", city == null ? "" : city);
            view.put("verdict", d.verdict().id());
            view.put("verdictName", ReportWords.verdict(d.verdict(), lang));
            view.put("asOf", d.asOf() == null ? "" : d.asOf().toString());
            List<Map<String, Object>> findings = new ArrayList<>();
            for (Finding f : d.findings()) {
                Optional<RuleInfo> rule = context.rule(f.ruleId());
                Map<String, Object> fv = new LinkedHashMap<>();
                fv.put("severity", f.severity().id());
                fv.put("severityName", ReportWords.severity(f.severity(), lang));
                fv.put("rule", f.ruleId());
                fv.put("title", title(f.ruleId(), context, lang));
                fv.put("clause", ReportWords.clause(f.clause(), lang));
                fv.put("notice", rule.map(RuleInfo::notice).orElse(""));
                fv.put("message", f.message().in(lang));
                fv.put("location", f.location().toString());
                fv.put("path", f.path());
                fv.put("waived", f.waived());
                fv.put("waiver", f.waived() ? WaiverNotes.mark(f.waiver(), lang) : "");
                findings.add(fv);
            }
            view.put("findings", findings);
            view.put("none", findings.isEmpty());
            out.add(view);
        }
        return out;
    }

    private static List<Map<String, Object>> waivers(BatchResult batch, Language lang) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WaiverUse u : batch.waivers()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("location", u.waiver().location().toString());
            v.put("city", u.waiver().city());
            v.put("rule", u.waiver().rule());
            v.put("dossier", u.waiver().dossier() == null ? "" : u.waiver().dossier());
            v.put("reason", u.waiver().reason());
            v.put("approver", u.waiver().approver());
            v.put("expires", u.waiver().expires().toString());
            v.put("status", u.status().id());
            v.put("statusName", ReportWords.waiverStatus(u.status(), lang));
            v.put("matched", u.matched());
            out.add(v);
        }
        return out;
    }

    private static String title(String id, ReportContext context, Language lang) {
        return context.rule(id).map(r -> r.title(lang)).orElseGet(() -> {
            io.pilotcheck.finding.Message builtIn = BuiltInChecks.title(id);
            return builtIn == null ? "" : builtIn.in(lang);
        });
    }

    /** A fragment id for a dossier section: its file name with anything but letters and digits dashed. */
    private static String anchor(String file) {
        return "d-" + file.replaceAll("[^A-Za-z0-9]+", "-");
    }
}
