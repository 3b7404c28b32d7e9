package io.pilotcheck.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.source.SourceLocation;

import java.time.LocalDate;

/** A waiver as JSON, as the store's {@code finding.waiver} column and the export both keep it. */
public final class WaiverJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WaiverJson() {
    }

    /** A waiver as the store's {@code finding.waiver} column and the export both write it. */
    public static ObjectNode of(Waiver w) {
        return JSON.createObjectNode().put("city", w.city()).put("rule", w.rule()).put("dossier", w.dossier())
                .put("reason", w.reason()).put("approver", w.approver()).put("expires", w.expires().toString())
                .put("file", w.location().file()).put("line", w.location().line()).put("column", w.location().column());
    }

    /** A waiver back from {@link #of}; null for a missing or null node. */
    public static Waiver waiver(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        return new Waiver(n.path("city").asText(), n.path("rule").asText(),
                n.path("dossier").isNull() ? null : n.path("dossier").asText(null), n.path("reason").asText(),
                n.path("approver").asText(), LocalDate.parse(n.path("expires").asText()),
                new SourceLocation(n.path("file").asText(), n.path("line").asInt(), n.path("column").asInt()));
    }

}
