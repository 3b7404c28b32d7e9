package io.pilotcheck.cli;

import io.pilotcheck.report.ReportFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotcheck.diff.DiffText;
import io.pilotcheck.diff.ReportDiff;
import io.pilotcheck.finding.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pilotcheck diff OLD.json NEW.json}: new, resolved and changed findings per dossier. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two JSON reports (check -f json): new, resolved and changed findings per dossier.",
            "A finding is matched by dossier file, rule and path, not line, so edits that move lines are not changes.",
            "Exit 0: nothing new and nothing worse; 1: a new finding, or one whose severity rose; 2: a report "
                + "cannot be read."})
public final class DiffCommand implements Callable<Integer> {

    /** Output formats of {@code diff}. */
    public enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "OLD.json", descriptionKey = "OLD", description = "the earlier report")
    Path oldReport;

    @Parameters(index = "1", paramLabel = "NEW.json", descriptionKey = "NEW", description = "the later report")
    Path newReport;

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "text|json", description = "text (default) or json")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here (default: stdout)")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<JsonNode> old = read(oldReport, err);
        Optional<JsonNode> neu = read(newReport, err);
        if (old.isEmpty() || neu.isEmpty()) {
            return ExitCode.CANNOT_CHECK.code();
        }
        ReportDiff.Result result = ReportDiff.compare(old.get(), neu.get());
        String text = format == Format.json ? json(result)
                : DiffText.render(result, oldReport.toString(), newReport.toString(), common.lang);
        ReportFile.write(text, output, spec.commandLine().getOut());
        return worse(result) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    private static boolean worse(ReportDiff.Result r) {
        for (ReportDiff.DossierDiff d : r.dossiers()) {
            if (d.added().stream().anyMatch(i -> !i.waived())) {
                return true;
            }
            for (ReportDiff.Change c : d.changed()) {
                if (!c.after().waived() && (c.before().waived() || rank(c.after()) > rank(c.before()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A severity's place in {@link Severity}'s order, lowest first; -1 for an id no severity has. */
    private static int rank(ReportDiff.Item i) {
        Severity s = Severity.fromId(i.severity());
        return s == null ? -1 : s.ordinal();
    }

    private static Optional<JsonNode> read(Path file, PrintWriter err) {
        try {
            JsonNode node = new ObjectMapper().readTree(file.toFile());
            if (node == null || !node.path("dossiers").isArray() || !"pilotcheck".equals(node.at("/tool/name").asText())) {
                err.println(file + ": error: not a pilotcheck JSON report (write one with: pilotcheck check -f json)");
                err.flush();
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            err.println(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": error: not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            err.println(file + ": error: cannot read: " + e.getMessage());
        }
        err.flush();
        return Optional.empty();
    }

    private static String json(ReportDiff.Result r) throws JsonProcessingException {
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
