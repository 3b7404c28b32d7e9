package io.pilotcheck.waiver;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.finding.WaiverUse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Applies waivers to a checked batch. A finding is never dropped: a waived finding keeps its
 * severity and place and gains the waiver; {@code error} findings (the dossier could not be
 * checked, or its data is impossible) are never waived. The first waiver in file order that
 * matches a finding is the one it carries.
 */
public final class WaiverLedger {

    private final List<Waiver> waivers;
    private final LocalDate today;
    private final AtomicIntegerArray matched;

    /**
     * A ledger for a run.
     *
     * @param today the day expiry is judged on: {@code --as-of} when given, else the run date
     */
    public WaiverLedger(List<Waiver> waivers, LocalDate today) {
        this.waivers = List.copyOf(waivers);
        this.today = today;
        this.matched = new AtomicIntegerArray(waivers.size());
    }

    /**
     * The batch with its findings marked, and what became of each waiver.
     *
     * @param today the day expiry is judged on: {@code --as-of} when given, else the run date
     */
    public static BatchResult apply(BatchResult batch, List<Waiver> waivers, LocalDate today) {
        WaiverLedger ledger = new WaiverLedger(waivers, today);
        List<DossierResult> dossiers = new ArrayList<>();
        for (DossierResult d : batch.dossiers()) {
            dossiers.add(ledger.mark(d));
        }
        return new BatchResult(dossiers, ledger.uses());
    }

    /** One dossier with its findings marked, counting the matches; safe on any thread. */
    public DossierResult mark(DossierResult d) {
        if (waivers.isEmpty()) {
            return d;
        }
        List<Finding> findings = new ArrayList<>();
        for (Finding f : d.findings()) {
            Finding marked = f;
            for (int i = 0; i < waivers.size(); i++) {
                Waiver w = waivers.get(i);
                if (matches(w, d, f)) {
                    matched.incrementAndGet(i);
                    if (!w.expiredOn(today) && !marked.waived()) {
                        marked = f.withWaiver(w);
                    }
                }
            }
            findings.add(marked);
        }
        return new DossierResult(d.file(), d.city(), d.cityEn(), d.asOf(), findings);
    }

    /** What became of each waiver so far, in waivers-file order. */
    public List<WaiverUse> uses() {
        List<WaiverUse> uses = new ArrayList<>();
        for (int i = 0; i < waivers.size(); i++) {
            Waiver w = waivers.get(i);
            WaiverUse.Status status = w.expiredOn(today) ? WaiverUse.Status.EXPIRED
                    : matched.get(i) == 0 ? WaiverUse.Status.UNUSED : WaiverUse.Status.APPLIED;
            uses.add(new WaiverUse(w, status, matched.get(i)));
        }
        return uses;
    }

    private static boolean matches(Waiver w, DossierResult d, Finding f) {
        return f.severity() != Severity.ERROR
                && w.rule().equals(f.ruleId())
                && w.city().equals(d.city())
                && (w.dossier() == null || samePath(w.dossier(), d.file()));
    }

    private static boolean samePath(String a, String b) {
        Path pa = Path.of(a).toAbsolutePath().normalize();
        Path pb = Path.of(b).toAbsolutePath().normalize();
        return pa.equals(pb);
    }
}
