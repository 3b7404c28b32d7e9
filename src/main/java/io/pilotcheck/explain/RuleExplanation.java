package io.pilotcheck.explain;

import io.pilotcheck.words.Language;
import io.pilotcheck.rules.ParamReferences;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleInfo;
import io.pilotcheck.rules.RuleSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code pilotcheck explain RULE_ID}: a rule as a reviewer or author needs it on one screen: its
 * clause and the notice's words, what it checks and reads, its parameters with their current
 * values and where they are set, its messages, and its DRL source with line numbers.
 */
public final class RuleExplanation {


    private RuleExplanation() {
    }

    /** The explanation of one rule, as it stands in the rule files now. */
    public static String render(RuleBook book, RuleInfo r, Language lang) throws IOException {
        Labels w = new Labels(lang);
        RuleSource source = RuleSource.of(r);
        StringBuilder out = new StringBuilder();
        out.append(r.id()).append('\n');
        row(out, w.t("checks"), r.title(lang));
        row(out, w.t("severity"), r.severity().id()
                + (r.meta().containsKey("message_pending_zh") ? w.t("pendingUntilDue") : ""));
        row(out, w.t("clause"), r.clause());
        row(out, w.t("notice"), "「" + r.notice() + "」");
        List<String> reads = List.copyOf(RuleReads.of(source.text(), source.conditions()));
        row(out, w.t("reads"), reads.isEmpty() ? "—" : String.join(", ", reads));
        parameters(out, book, source, r, w);
        out.append(w.t("messages")).append('\n');
        messages(r, lang).forEach((variant, text) -> out.append(String.format("  %-9s %s%n", variant, text)));
        out.append(w.t("source")).append(source.file()).append(':').append(source.firstLine())
                .append('-').append(source.lastLine()).append('\n');
        String[] lines = source.text().split("\n", -1);
        int width = String.valueOf(source.lastLine()).length();
        for (int i = 0; i < lines.length; i++) {
            out.append(String.format("  %" + width + "d | %s%n", source.firstLine() + i, lines[i]));
        }
        return out.toString();
    }

    /** The rule's parameters with their current values and the line that sets them. */
    static void parameters(StringBuilder out, RuleBook book, RuleSource source, RuleInfo r, Labels w) {
        var used = ParamReferences.ofRule(source.text(), r.name());
        if (used.isEmpty()) {
            return;
        }
        out.append(w.t("parametersEditThemWithout")).append('\n');
        Path paramsFile = Path.of(r.file()).resolveSibling("params.yaml");
        for (String name : used) {
            String key = name.startsWith("labels.") ? name.substring("labels.".length()) : name;
            out.append("  ").append(name).append(" = ").append(book.params().describe(name)).append("   ").append(TextLines.where(paramsFile, key)).append('\n');
        }
    }

    private static void row(StringBuilder out, String label, String value) {
        // No padding: Chinese labels are double width, and a colon aligns nothing in a terminal anyway.
        out.append(label).append(label.chars().anyMatch(c -> c > 0x2E80) ? "：" : ": ").append(value).append('\n');
    }

    private static Map<String, String> messages(RuleInfo r, Language lang) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        r.messageVariants().forEach(v -> out.put(v.isEmpty() ? "main" : v, r.template(v, lang)));
        return out;
    }

    private static final io.pilotcheck.words.Words WORDS = io.pilotcheck.words.Words.of("io.pilotcheck.explain.Words");

    /** The explanation's labels in the report language ({@code Words.properties} beside this class). */
    record Labels(Language lang) {
        String t(String key) {
            return WORDS.get(key, lang);
        }
    }
}
