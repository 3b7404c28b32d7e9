package io.pilotcheck.diff;

import io.pilotcheck.finding.Language;

/** The diff as text: one block per dossier that changed, {@code +} new, {@code -} resolved, {@code ~} changed. */
public final class DiffText {

    private DiffText() {
    }

    /** Renders the comparison of {@code oldName} and {@code newName}. */
    public static String render(ReportDiff.Result r, String oldName, String newName, Language lang) {
        boolean en = lang == Language.EN;
        StringBuilder out = new StringBuilder();
        out.append(en ? "diff " : "对比 ").append(oldName).append(" (").append(r.asOfOld()).append(") → ")
                .append(newName).append(" (").append(r.asOfNew()).append(")\n");
        if (!r.messagesCompared()) {
            out.append(en ? "note: the reports are in different languages; messages are not compared\n"
                    : "注意：两份报告语言不同，未比较说明文字\n");
        }
        int unchanged = 0;
        for (ReportDiff.DossierDiff d : r.dossiers()) {
            if (!d.changedAtAll()) {
                unchanged++;
                continue;
            }
            out.append('\n').append(d.city().isEmpty() ? "" : d.city() + " ").append(d.file()).append(": ")
                    .append(verdict(d.verdictOld(), en)).append(" → ").append(verdict(d.verdictNew(), en)).append('\n');
            for (ReportDiff.Item i : d.resolved()) {
                out.append("  - ").append(en ? "resolved " : "已解决 ").append(item(i)).append('\n');
            }
            for (ReportDiff.Item i : d.added()) {
                out.append("  + ").append(en ? "new " : "新增 ").append(item(i)).append(en ? " (line " : "（第 ")
                        .append(i.line()).append(en ? ")" : " 行）").append('\n');
            }
            for (ReportDiff.Change c : d.changed()) {
                out.append("  ~ ").append(en ? "changed " : "有变化 ").append(c.after().rule()).append(' ')
                        .append(c.after().path()).append(": ").append(state(c.before(), en)).append(" → ")
                        .append(state(c.after(), en)).append(": ").append(c.after().message()).append('\n');
            }
        }
        int[] t = r.totals();
        out.append('\n').append(en
                ? "summary: " + t[0] + " new, " + t[1] + " resolved, " + t[2] + " changed; " + unchanged
                        + " of " + r.dossiers().size() + " dossiers unchanged"
                : "汇总：新增 " + t[0] + "，已解决 " + t[1] + "，有变化 " + t[2] + "；" + r.dossiers().size()
                        + " 个档案中 " + unchanged + " 个无变化").append('\n');
        return out.toString();
    }

    private static String item(ReportDiff.Item i) {
        return i.severity() + " " + i.rule() + (i.path().isEmpty() ? "" : " " + i.path()) + ": " + i.message();
    }

    private static String state(ReportDiff.Item i, boolean en) {
        return i.severity() + (i.waived() ? (en ? " (waived)" : "（已豁免）") : "");
    }

    private static String verdict(String v, boolean en) {
        if (v == null) {
            return en ? "(absent)" : "（无）";
        }
        return v;
    }
}
