package io.pilotcheck.ruletest;

import io.pilotcheck.source.SourceLocation;

/**
 * Cuts an inline dossier out of its test file as a YAML document of its own that keeps the
 * file's line and column numbers: lines before it become empty and the text before it on its
 * first line becomes spaces. YAML allows an indented root mapping, so the cut parses as is, and a
 * finding's location is where the author wrote the value.
 */
final class InlineText {

    private InlineText() {
    }

    /**
     * The dossier text from {@code start} up to {@code end} (exclusive; null for the end of the file).
     */
    static String of(String fileText, SourceLocation start, SourceLocation end) {
        String[] lines = fileText.split("\r?\n", -1);
        String first = lines[start.line() - 1];
        boolean flow = first.startsWith("{", start.column() - 1);
        StringBuilder out = new StringBuilder("\n".repeat(start.line() - 1));
        // A block mapping ends on a line of its own; a flow mapping may share its last line with a sibling.
        int last = end == null ? lines.length : flow ? end.line() : end.line() - 1;
        for (int i = start.line(); i <= Math.min(last, lines.length); i++) {
            String line = lines[i - 1];
            if (flow && end != null && i == end.line()) {
                line = line.substring(0, Math.min(line.length(), end.column() - 1)).replaceAll("[\\s,]+$", "");
            }
            if (i == start.line()) {
                int col = Math.min(line.length(), start.column() - 1);
                line = " ".repeat(col) + line.substring(col);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
