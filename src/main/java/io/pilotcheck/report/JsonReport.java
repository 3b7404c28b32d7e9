package io.pilotcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.BatchTally;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.finding.WaiverUse;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of {@code cli-and-report.md}: its keys in its order, findings in
 * {@link Finding#ORDER}, dossiers by file, so the same input gives the same bytes.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    /** Where the dossiers go in the document: rendered empty, then filled with the fragments. */
    private static final String EMPTY_DOSSIERS = "\"dossiers\" : [ ]";
    /** A dossier sits two levels deep: in the root object, in the "dossiers" array. */
    private static final String DOSSIER_INDENT = "    ";

    /** Renders the report; messages in {@code lang}. Ends with a newline. */
    public static String render(BatchResult batch, RunInfo run, Language lang) {
        return Streamed.render(streamed(run, lang), batch);
    }

    /** The report written dossier by dossier. */
    public static StreamedReport streamed(RunInfo run, Language lang) {
        return new StreamedReport() {
            @Override
            public String fragment(DossierResult d) {
                return JsonReport.fragment(d, lang);
            }

            @Override
            public String before(BatchTally tally, List<WaiverUse> waivers) {
                return frame(tally, waivers, run, lang)[0] + (tally.dossiers() == 0 ? "[ ]" : "[\n");
            }

            @Override
            public String between() {
                return ",\n";
            }

            @Override
            public String after(BatchTally tally, List<WaiverUse> waivers) {
                return (tally.dossiers() == 0 ? "" : "\n  ]") + frame(tally, waivers, run, lang)[1];
            }

            @Override
            public String[] beforeAndAfter(BatchTally tally, List<WaiverUse> waivers) {
                // one rendering of the frame for both ends: a service's report of one dossier is mostly frame
                String[] frame = frame(tally, waivers, run, lang);
                boolean none = tally.dossiers() == 0;
                return new String[] {frame[0] + (none ? "[ ]" : "[\n"), (none ? "" : "\n  ]") + frame[1]};
            }
        };
    }

    /**
     * One dossier's object as it stands in the report's "dossiers" array, indented and without
     * the separator; any thread may render fragments, {@link #frame} puts them in place.
     */
    static String fragment(DossierResult d, Language lang) {
        ObjectNode o = MAPPER.createObjectNode();
        dossier(o, d, lang);
        try {
            return DOSSIER_INDENT + MAPPER.writer(PRETTY).writeValueAsString(o).replace("\n", "\n" + DOSSIER_INDENT);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report around its dossiers: what comes before the "dossiers" array's opening bracket
     * and what follows its closing one (with the final newline). Between them go "[", the
     * fragments separated by ",\n", and "\n  ]" (or "[ ]" when there are none).
     */
    static String[] frame(BatchTally tally, List<WaiverUse> waiverUses, RunInfo run, Language lang) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "pilotcheck");
        tool.put("version", run.toolVersion());
        root.put("as_of", run.asOf());
        root.put("lang", lang.code());
        ReportHeader h = run.header();
        if (!h.title().isEmpty() || !h.organisation().isEmpty()) {
            // only when given, so a report nobody titled keeps the contract's bytes
            ObjectNode report = root.putObject("report");
            report.put("title", h.title());
            report.put("organisation", h.organisation());
        }
        ObjectNode rules = root.putObject("rules");
        rules.put("count", run.ruleCount());
        rules.put("fingerprint", run.rulesFingerprint());
        summary(root.putObject("summary"), tally, !waiverUses.isEmpty());
        root.putArray("dossiers");
        if (!waiverUses.isEmpty()) {
            ArrayNode waivers = root.putArray("waivers");
            for (WaiverUse u : waiverUses) {
                ObjectNode w = waiver(waivers.addObject(), u.waiver());
                w.put("status", u.status().id());
                w.put("matched", u.matched());
            }
        }
        String text;
        try {
            text = MAPPER.writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        int at = text.indexOf(EMPTY_DOSSIERS);
        int open = at + EMPTY_DOSSIERS.length() - "[ ]".length();
        return new String[] {text.substring(0, open), text.substring(at + EMPTY_DOSSIERS.length())};
    }

    private static void summary(ObjectNode s, BatchTally tally, boolean withWaivers) {
        Map<Verdict, Integer> verdicts = tally.verdicts();
        s.put("dossiers", tally.dossiers());
        s.put("compliant", verdicts.get(Verdict.COMPLIANT));
        s.put("non_compliant", verdicts.get(Verdict.NON_COMPLIANT));
        s.put("errors", verdicts.get(Verdict.ERROR));
        ObjectNode f = s.putObject("findings");
        Map<Severity, Integer> severities = tally.severities();
        for (Severity sev : new Severity[] {Severity.VIOLATION, Severity.WARNING, Severity.PENDING, Severity.ERROR}) {
            f.put(sev.id(), severities.get(sev));
        }
        if (withWaivers) {
            s.put("waived", tally.waived());
        }
    }

    private static void dossier(ObjectNode o, DossierResult d, Language lang) {
        o.put("file", d.file());
        o.put("city", d.city());
        o.put("province", d.province() == null ? null : d.province().zh());
        o.put("as_of", d.asOf() == null ? null : d.asOf().toString());
        o.put("verdict", d.verdict().id());
        ArrayNode findings = o.putArray("findings");
        for (Finding f : d.findings()) {
            ObjectNode j = findings.addObject();
            j.put("rule", f.ruleId());
            j.put("severity", f.severity().id());
            j.put("clause", f.clause());
            j.put("message", f.message().in(lang));
            j.put("path", f.path());
            j.put("line", f.location().line());
            j.put("column", f.location().column());
            if (f.location().inSheet()) {
                j.put("sheet", f.location().sheet().name());
                j.put("cell", f.location().cell());
            }
            if (f.waived()) {
                waiver(j.putObject("waiver"), f.waiver());
            }
        }
    }

    private static ObjectNode waiver(ObjectNode o, Waiver w) {
        o.put("city", w.city());
        o.put("rule", w.rule());
        if (w.dossier() != null) {
            o.put("dossier", w.dossier());
        }
        o.put("reason", w.reason());
        o.put("approver", w.approver());
        o.put("expires", w.expires().toString());
        o.put("file", w.location().file());
        o.put("line", w.location().line());
        o.put("column", w.location().column());
        return o;
    }
}
