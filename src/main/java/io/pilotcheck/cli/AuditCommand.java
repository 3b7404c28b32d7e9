package io.pilotcheck.cli;

import io.pilotcheck.store.AccountStore.AuditEntry;
import io.pilotcheck.store.SubmissionStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pilotcheck.app.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;

/** {@code pilotcheck audit [--since DATE] [-f text|csv|json]}: the audit log of a shared service (docs/spec/access.md). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Print the audit log, oldest first: time, actor, address, action, object, detail.")
public final class AuditCommand extends AccountCommand {

    /** How the log is printed. */
    enum Format { text, csv, json }

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "only the rows from this day on (in the service's time zone)")
    LocalDate since;

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "text|csv|json", description = "text (default), csv or json")
    Format format;

    @Option(names = "--limit", defaultValue = "100000", paramLabel = "N", description = "at most N rows (default: 100000)")
    int limit;

    @Override
    int run(SubmissionStore kept, PrintWriter out, PrintWriter err) throws IOException {
        java.util.List<AuditEntry> rows = AuditLog.of(kept).oldestFirst(new AuditLog.Query(null, null, null, since, null),
                Math.max(1, limit));
        switch (format) {
            case csv -> out.print(io.pilotcheck.app.AuditLog.csv(rows));
            case json -> {
                ObjectMapper json = new ObjectMapper();
                ArrayNode list = json.createArrayNode();
                for (AuditEntry e : rows) {
                    list.addObject().put("at", e.at().toString()).put("actor", e.actor()).put("address", e.address())
                            .put("action", e.action()).put("object", e.object()).put("detail", e.detail());
                }
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(json.createObjectNode().set("audit", list)));
            }
            default -> {
                for (AuditEntry e : rows) {
                    out.println(io.pilotcheck.words.Clock.second(e.at()) + "\t" + e.actor() + "\t" + (e.address() == null ? "-" : e.address())
                            + "\t" + e.action() + "\t" + (e.object() == null ? "" : e.object()) + "\t" + (e.detail() == null ? "" : e.detail()));
                }
            }
        }
        return ExitCode.OK.code();
    }
}
