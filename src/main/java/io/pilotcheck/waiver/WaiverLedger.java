package io.pilotcheck.waiver;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.finding.WaiverUse;

import java.nio.file.Files;
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
    /** Each waiver's {@code dossier:} as the file it names, or null for a waiver of every file. */
    private final List<Path> files = new ArrayList<>();
    private final LocalDate today;
    private final AtomicIntegerArray matched;
    /** Whether a dossier of the batch is one the waiver names (its city, and file if given). */
    private final AtomicIntegerArray applicable;

    /**
     * A ledger for a run.
     *
     * @param today the day expiry is judged on: {@code --as-of} when given, else the run date
     */
    public WaiverLedger(List<Waiver> waivers, LocalDate today) {
        this.waivers = List.copyOf(waivers);
        this.today = today;
        this.matched = new AtomicIntegerArray(waivers.size());
        this.applicable = new AtomicIntegerArray(waivers.size());
        this.waivers.forEach(w -> files.add(w.dossier() == null ? null : fileOf(w)));
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
        for (int i = 0; i < waivers.size(); i++) {
            if (applicable.get(i) == 0 && names(waivers.get(i), files.get(i), d)) {
                applicable.set(i, 1);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Finding f : d.findings()) {
            Finding marked = f;
            for (int i = 0; i < waivers.size(); i++) {
                Waiver w = waivers.get(i);
                if (matches(w, files.get(i), d, f)) {
                    matched.incrementAndGet(i);
                    if (!w.expiredOn(today) && !marked.waived()) {
                        marked = f.withWaiver(w);
                    }
                }
            }
            findings.add(marked);
        }
        return new DossierResult(d.file(), d.city(), d.cityEn(), d.province(), d.asOf(), findings);
    }

    /** What became of each waiver so far, in waivers-file order. */
    public List<WaiverUse> uses() {
        List<WaiverUse> uses = new ArrayList<>();
        for (int i = 0; i < waivers.size(); i++) {
            Waiver w = waivers.get(i);
            Path file = files.get(i);
            // A dossier: that names no file at all is a typo to warn about, not another batch's file.
            boolean otherBatch = applicable.get(i) == 0 && (file == null || w.expiredOn(today) || Files.exists(file));
            WaiverUse.Status status = otherBatch ? WaiverUse.Status.NOT_APPLICABLE
                    : w.expiredOn(today) ? WaiverUse.Status.EXPIRED
                    : matched.get(i) == 0 ? WaiverUse.Status.UNUSED : WaiverUse.Status.APPLIED;
            uses.add(new WaiverUse(w, status, matched.get(i)));
        }
        return uses;
    }

    private static boolean matches(Waiver w, Path file, DossierResult d, Finding f) {
        return f.severity() != Severity.ERROR && w.rule().equals(f.ruleId()) && names(w, file, d);
    }

    /** Whether the waiver is about this dossier: its city, and its file when the waiver names one. */
    private static boolean names(Waiver w, Path file, DossierResult d) {
        return w.city().equals(d.city()) && (file == null || sameFile(file, d.file()));
    }

    /**
     * The file a waiver's {@code dossier:} names: relative to the waivers file's own folder, so a
     * waiver means the same file whatever folder pilotcheck is run from.
     */
    private static Path fileOf(Waiver w) {
        Path waiversFile = Path.of(w.location().file()).toAbsolutePath();
        Path folder = waiversFile.getParent() != null ? waiversFile.getParent() : waiversFile;
        return folder.resolve(w.dossier()).normalize();
    }

    /** Whether a dossier, named as the batch names it (from the working folder), is that file. */
    private static boolean sameFile(Path file, String dossier) {
        Path named = Path.of(dossier).toAbsolutePath().normalize();
        if (named.equals(file)) {
            return true;
        }
        try {
            // the same file by another way to it (a link, a bind mount)
            return Files.exists(file) && Files.exists(named) && Files.isSameFile(file, named);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
