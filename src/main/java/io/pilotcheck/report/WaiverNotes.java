package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.finding.WaiverUse;

import java.util.ArrayList;
import java.util.List;

/**
 * The waivers a reviewer must act on, as compiler-style lines located in the waivers file: an
 * expired waiver (it fails the run) and one that matched nothing (stale, or a typo); and how many
 * name no dossier of the batch (a province-wide file checked against one city's dossier).
 */
public final class WaiverNotes {

    private WaiverNotes() {
    }

    /** One line per expired or unused waiver, in waivers-file order. */
    public static List<String> lines(BatchResult batch, Language lang) {
        return lines(batch.waivers(), lang);
    }

    /**
     * One line per expired or unused waiver among {@code uses}, in their order, then one line
     * counting the waivers that name no dossier of the batch.
     */
    public static List<String> lines(List<WaiverUse> uses, Language lang) {
        List<String> out = new ArrayList<>();
        int notApplicable = 0;
        for (WaiverUse u : uses) {
            Waiver w = u.waiver();
            String what = w.rule() + " " + w.city() + (w.dossier() == null ? "" : " " + w.dossier());
            switch (u.status()) {
                case EXPIRED -> out.add(w.location() + ": " + ReportWords.word("note.waiver.expired", lang,
                        "what", what, "expires", w.expires(), "matched", u.matched()));
                case UNUSED -> out.add(w.location() + ": " + ReportWords.word("note.waiver.unused", lang, "what", what));
                case NOT_APPLICABLE -> notApplicable++;
                case APPLIED -> {
                }
            }
        }
        if (notApplicable > 0) {
            String file = uses.stream().filter(u -> u.status() == WaiverUse.Status.NOT_APPLICABLE).findFirst()
                    .orElseThrow().waiver().location().file();
            out.add(file + ": " + ReportWords.word("note.waiver.not_applicable", lang, "count", notApplicable));
        }
        return out;
    }

    /** How a waived finding is marked after its message: reason, approver and expiry. */
    public static String mark(Waiver w, Language lang) {
        return ReportWords.word("note.waiver.mark", lang, "reason", w.reason(), "approver", w.approver(),
                "expires", w.expires());
    }
}
