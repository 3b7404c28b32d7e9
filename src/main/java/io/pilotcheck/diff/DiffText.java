package io.pilotcheck.diff;

import io.pilotcheck.words.Language;
import io.pilotcheck.words.Words;
import io.pilotcheck.report.ReportWords;

import java.util.MissingResourceException;

/**
 * The diff as text: one block per dossier that changed, {@code +} new, {@code -} resolved,
 * {@code ~} changed, in the reader's language: the diff's own words from {@code Words*.properties}
 * beside this class, severities and verdicts in the reports' words.
 */
public final class DiffText {

    private static final Words WORDS = Words.of("io.pilotcheck.diff.Words");

    private DiffText() {
    }

    /** Renders the comparison of {@code oldName} and {@code newName}. */
    public static String render(ReportDiff.Result r, String oldName, String newName, Language lang) {
        StringBuilder out = new StringBuilder();
        out.append(word(lang, "title", "old", oldName, "oldAsOf", r.asOfOld(), "new", newName, "newAsOf", r.asOfNew()))
                .append('\n');
        if (!r.messagesCompared()) {
            out.append(word(lang, "languages")).append('\n');
        }
        int unchanged = 0;
        for (ReportDiff.DossierDiff d : r.dossiers()) {
            if (!d.changedAtAll()) {
                unchanged++;
                continue;
            }
            out.append('\n').append(d.city().isEmpty() ? "" : d.city() + " ").append(d.file()).append(": ")
                    .append(verdict(d.verdictOld(), lang)).append(" → ").append(verdict(d.verdictNew(), lang)).append('\n');
            for (ReportDiff.Item i : d.resolved()) {
                out.append("  - ").append(word(lang, "resolved")).append(' ').append(item(i, lang)).append('\n');
            }
            for (ReportDiff.Item i : d.added()) {
                out.append("  + ").append(word(lang, "added")).append(' ').append(item(i, lang))
                        .append(word(lang, "addedLine", "line", i.line())).append('\n');
            }
            for (ReportDiff.Change c : d.changed()) {
                out.append("  ~ ").append(word(lang, "changed")).append(' ').append(c.after().rule()).append(' ')
                        .append(c.after().path()).append(": ").append(state(c.before(), lang)).append(" → ")
                        .append(state(c.after(), lang)).append(": ").append(c.after().message()).append('\n');
            }
        }
        int[] t = r.totals();
        out.append('\n').append(word(lang, "summary", "added", t[0], "resolved", t[1], "changed", t[2],
                "unchanged", unchanged, "dossiers", r.dossiers().size())).append('\n');
        return out.toString();
    }

    private static String word(Language lang, String key, Object... namesAndValues) {
        return WORDS.get(key, lang, namesAndValues);
    }

    private static String item(ReportDiff.Item i, Language lang) {
        return severity(i.severity(), lang) + " " + i.rule() + (i.path().isEmpty() ? "" : " " + i.path()) + ": " + i.message();
    }

    private static String state(ReportDiff.Item i, Language lang) {
        return severity(i.severity(), lang) + (i.waived() ? word(lang, "waived") : "");
    }

    /** A report's severity id in the reader's words; an id this version does not know, as written. */
    private static String severity(String id, Language lang) {
        return known("severity." + id, id, lang);
    }

    private static String verdict(String v, Language lang) {
        return v == null ? word(lang, "absent") : known("verdict." + v, v, lang);
    }

    private static String known(String key, String fallback, Language lang) {
        try {
            return ReportWords.word(key, lang);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
