package io.pilotcheck.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The diff of two JSON reports as JSON, for machines: {@code pilotcheck diff -f json}. */
public final class DiffJson {

    private DiffJson() {
    }

    /** The diff as JSON ({@code diff -f json}): the summary and, per changed dossier, its new, resolved and changed findings. */
    public static String render(ReportDiff.Result r) throws JsonProcessingException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("old_as_of", r.asOfOld());
        root.put("new_as_of", r.asOfNew());
        root.put("messages_compared", r.messagesCompared());
        int[] t = r.totals();
        ObjectNode summary = root.putObject("summary");
        summary.put("new", t[0]);
        summary.put("resolved", t[1]);
        summary.put("changed", t[2]);
        ArrayNode dossiers = root.putArray("dossiers");
        for (ReportDiff.DossierDiff d : r.dossiers()) {
            if (!d.changedAtAll()) {
                continue;
            }
            ObjectNode o = dossiers.addObject();
            o.put("file", d.file());
            o.put("city", d.city());
            o.put("verdict_old", d.verdictOld());
            o.put("verdict_new", d.verdictNew());
            d.added().forEach(i -> item(o.withArray("new").addObject(), i));
            d.resolved().forEach(i -> item(o.withArray("resolved").addObject(), i));
            for (ReportDiff.Change c : d.changed()) {
                ObjectNode co = o.withArray("changed").addObject();
                item(co.putObject("old"), c.before());
                item(co.putObject("new"), c.after());
            }
        }
        return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static void item(ObjectNode o, ReportDiff.Item i) {
        o.put("rule", i.rule());
        o.put("severity", i.severity());
        o.put("path", i.path());
        o.put("message", i.message());
        o.put("line", i.line());
        o.put("waived", i.waived());
    }
}
