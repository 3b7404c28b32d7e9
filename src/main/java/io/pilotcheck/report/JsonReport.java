package io.pilotcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotcheck.check.BatchResult;
import io.pilotcheck.check.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.finding.WaiverUse;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON report of {@code cli-and-report.md}: its keys in its order, findings in
 * {@link Finding#ORDER}, dossiers by file, so the same input gives the same bytes.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    /** Renders the report; messages in {@code lang}. Ends with a newline. */
    public static String render(BatchResult batch, RunInfo run, Language lang) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "pilotcheck");
        tool.put("version", run.toolVersion());
        root.put("as_of", run.asOf());
        root.put("lang", lang.code());
        ObjectNode rules = root.putObject("rules");
        rules.put("count", run.ruleCount());
        rules.put("fingerprint", run.rulesFingerprint());
        summary(root.putObject("summary"), batch);
        ArrayNode dossiers = root.putArray("dossiers");
        for (DossierResult d : batch.dossiers()) {
            dossier(dossiers.addObject(), d, lang);
        }
        if (!batch.waivers().isEmpty()) {
            ArrayNode waivers = root.putArray("waivers");
            for (WaiverUse u : batch.waivers()) {
                ObjectNode w = waiver(waivers.addObject(), u.waiver());
                w.put("status", u.status().id());
                w.put("matched", u.matched());
            }
        }
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(pretty).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(ObjectNode s, BatchResult batch) {
        Map<Verdict, Integer> verdicts = batch.verdicts();
        s.put("dossiers", batch.dossiers().size());
        s.put("compliant", verdicts.get(Verdict.COMPLIANT));
        s.put("non_compliant", verdicts.get(Verdict.NON_COMPLIANT));
        s.put("errors", verdicts.get(Verdict.ERROR));
        ObjectNode f = s.putObject("findings");
        Map<Severity, Integer> severities = batch.severities();
        for (Severity sev : new Severity[] {Severity.VIOLATION, Severity.WARNING, Severity.PENDING, Severity.ERROR}) {
            f.put(sev.id(), severities.get(sev));
        }
        if (!batch.waivers().isEmpty()) {
            s.put("waived", batch.waived());
        }
    }

    private static void dossier(ObjectNode o, DossierResult d, Language lang) {
        o.put("file", d.file());
        o.put("city", d.city());
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
