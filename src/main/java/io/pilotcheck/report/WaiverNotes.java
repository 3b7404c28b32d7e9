package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.Language;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.finding.WaiverUse;

import java.util.ArrayList;
import java.util.List;

/**
 * The waivers a reviewer must act on, as compiler-style lines located in the waivers file: an
 * expired waiver (it fails the run) and one that matched nothing (stale, or a typo).
 */
public final class WaiverNotes {

    private WaiverNotes() {
    }

    /** One line per expired or unused waiver, in waivers-file order. */
    public static List<String> lines(BatchResult batch, Language lang) {
        return lines(batch.waivers(), lang);
    }

    /** One line per expired or unused waiver among {@code uses}, in their order. */
    public static List<String> lines(List<WaiverUse> uses, Language lang) {
        List<String> out = new ArrayList<>();
        for (WaiverUse u : uses) {
            Waiver w = u.waiver();
            String what = w.rule() + " " + w.city() + (w.dossier() == null ? "" : " " + w.dossier());
            if (u.status() == WaiverUse.Status.EXPIRED) {
                out.add(w.location() + ": " + (lang == Language.EN
                        ? "error: waiver " + what + " expired on " + w.expires() + "; the " + u.matched()
                        + " finding(s) it names count again"
                        : "错误：豁免 " + what + " 已于 " + w.expires() + " 到期，所涉 " + u.matched() + " 条发现恢复计入"));
            } else if (u.status() == WaiverUse.Status.UNUSED) {
                out.add(w.location() + ": " + (lang == Language.EN
                        ? "warning: waiver " + what + " matched no finding"
                        : "警告：豁免 " + what + " 未匹配任何发现"));
            }
        }
        return out;
    }

    /** How a waived finding is marked after its message: reason, approver and expiry. */
    public static String mark(Waiver w, Language lang) {
        return lang == Language.EN
                ? "(waived: " + w.reason() + " — " + w.approver() + ", until " + w.expires() + ")"
                : "（已豁免：" + w.reason() + " — " + w.approver() + "，有效至 " + w.expires() + "）";
    }
}
