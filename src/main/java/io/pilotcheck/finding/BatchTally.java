package io.pilotcheck.finding;


import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts a report's summary gives, added up dossier by dossier, so a batch streamed through
 * the reports never has to be held whole. Not thread-safe: fed in order on one thread.
 */
public final class BatchTally {

    private long dossiers;
    private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    private final Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
    private final Map<Severity, Integer> unwaived = new EnumMap<>(Severity.class);
    private int waived;
    /** Each pilot's dossiers so far: how many, and the first few names (a batch may be huge). */
    private final Map<String, CityFiles> byCity = new LinkedHashMap<>();
    /** The highest severity of a finding no waiver accepts, or null. */
    private Severity worstUnwaived;

    /** An empty tally. */
    public BatchTally() {
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, 0);
        }
        for (Severity s : Severity.values()) {
            severities.put(s, 0);
            unwaived.put(s, 0);
        }
    }

    /** The tally of a whole batch. */
    public static BatchTally of(Iterable<DossierResult> dossiers) {
        BatchTally t = new BatchTally();
        dossiers.forEach(t::add);
        return t;
    }

    /**
     * A pilot with more than one dossier in the batch, most likely a file copied under a new
     * name or last quarter's left beside this one.
     *
     * @param city  the pilot
     * @param count how many of the batch's dossiers are about it
     * @param files the first {@value #NAMED} of their names, in batch order
     * @param last  the last of their names in batch order: the one a store takes as the pilot's latest
     */
    public record SharedCity(String city, int count, List<String> files, String last) {
    }

    /** How many of a shared city's file names are kept. */
    public static final int NAMED = 3;

    /** Counts one more dossier. */
    public void add(DossierResult d) {
        dossiers++;
        if (d.province() != null) {
            CityFiles c = byCity.computeIfAbsent(d.city(), k -> new CityFiles());
            c.count++;
            if (c.files.size() < NAMED) {
                c.files.add(d.file());
            }
            c.last = d.file();
        }
        verdicts.merge(d.verdict(), 1, Integer::sum);
        for (Finding f : d.findings()) {
            severities.merge(f.severity(), 1, Integer::sum);
            if (f.waived()) {
                waived++;
                continue;
            }
            unwaived.merge(f.severity(), 1, Integer::sum);
            if (worstUnwaived == null || f.severity().compareTo(worstUnwaived) > 0) {
                worstUnwaived = f.severity();
            }
        }
    }

    /** Dossiers counted. */
    public long dossiers() {
        return dossiers;
    }

    /** How many dossiers have each verdict (every verdict present, in the enum's order). */
    public Map<Verdict, Integer> verdicts() {
        return Collections.unmodifiableMap(new EnumMap<>(verdicts));
    }

    /**
     * How many findings of each severity, waived or not (every severity present, in the enum's
     * order): the JSON report's summary, which counts {@code waived} among them.
     */
    public Map<Severity, Integer> severities() {
        return Collections.unmodifiableMap(new EnumMap<>(severities));
    }

    /**
     * How many findings of each severity no waiver accepts: what a reader counts against the
     * pilots, with the waived ones counted apart ({@link #waived()}).
     */
    public Map<Severity, Integer> unwaived() {
        return Collections.unmodifiableMap(new EnumMap<>(unwaived));
    }

    /** The pilots with more than one dossier in the batch, in the order they first appeared. */
    public List<SharedCity> sharedCities() {
        return byCity.entrySet().stream().filter(e -> e.getValue().count > 1)
                .map(e -> new SharedCity(e.getKey(), e.getValue().count, List.copyOf(e.getValue().files), e.getValue().last)).toList();
    }

    private static final class CityFiles {
        int count;
        final List<String> files = new ArrayList<>(NAMED);
        String last;
    }

    /** Findings a waiver accepts. */
    public int waived() {
        return waived;
    }

    /** Whether a finding fails the run at {@code threshold} (null: never), as {@link Finding#failsAt}. */
    public boolean failsAt(Severity threshold) {
        if (severities.get(Severity.ERROR) > 0) {
            return true;
        }
        return threshold != null && worstUnwaived != null && worstUnwaived.compareTo(threshold) >= 0;
    }

    /**
     * Whether the run fails: a finding no waiver accepts at or above {@code threshold} (null:
     * never), a dossier in error, or an expired waiver among {@code waivers}. The one statement
     * of the rule, for the collected and the streamed check alike.
     */
    public boolean fails(Severity threshold, java.util.List<io.pilotcheck.finding.WaiverUse> waivers) {
        return failsAt(threshold) || waivers.stream().anyMatch(u -> u.status() == io.pilotcheck.finding.WaiverUse.Status.EXPIRED);
    }
}
