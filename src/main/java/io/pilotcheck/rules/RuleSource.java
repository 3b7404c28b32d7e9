package io.pilotcheck.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rule's DRL text as its author wrote it, from its {@code rule} line to its {@code end}.
 *
 * @param file      the DRL file as messages name it
 * @param firstLine the line of the {@code rule} declaration
 * @param text      the rule's text
 */
public record RuleSource(String file, int firstLine, String text) {

    /** Reads the rule's text from its file as it is now. */
    public static RuleSource of(RuleInfo rule) throws IOException {
        String all = Files.readString(Path.of(rule.file()), StandardCharsets.UTF_8);
        for (DrlDiagnosis.DrlRule r : DrlDiagnosis.rules(all)) {
            if (r.name().equals(rule.name())) {
                return new RuleSource(rule.file(), r.line(), all.substring(r.start(), r.end()));
            }
        }
        throw new IOException("rule \"" + rule.name() + "\" is no longer in " + rule.file());
    }

    /** The conditions: the text between {@code when} and {@code then}, or empty. */
    public String conditions() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b").matcher(text);
        return m.find() ? m.group(1) : "";
    }

    /** The last line of the rule. */
    public int lastLine() {
        return firstLine + (int) text.chars().filter(c -> c == '\n').count();
    }
}
