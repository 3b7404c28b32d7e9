package io.pilotcheck.facts;

import io.pilotcheck.dossier.GhgInventory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The date a dossier is evaluated as of, with the date arithmetic rules need. A fact in every
 * session; rules never read the clock, so the same dossier and date always give the same result.
 *
 * @param asOf      the evaluation date ({@code --as-of}, else the dossier's {@code as_of}, else today)
 * @param factsAsOf the date the dossier says its facts are current to (its {@code as_of}, else the
 *                  run date): no date in the dossier may lie after it (LCP-DATA-01). Kept apart
 *                  from {@code asOf} so that {@code --as-of} can replay an earlier date without
 *                  turning the later facts into errors.
 */
public record Evaluation(LocalDate asOf, LocalDate factsAsOf) {

    /**
     * Where a requirement with a deadline stands. A {@code done} date after the evaluation date
     * counts as not done yet: evaluating a dossier as of an earlier date replays the pilot's story.
     */
    public DeadlineStatus deadline(LocalDate done, LocalDate due) {
        LocalDate doneByNow = done(done) ? done : null;
        if (doneByNow != null) {
            return doneByNow.isAfter(due)
                    ? new DeadlineStatus(DeadlineStatus.State.LATE, doneByNow, due, asOf, daysBetween(due, doneByNow))
                    : new DeadlineStatus(DeadlineStatus.State.MET, doneByNow, due, asOf, 0);
        }
        return asOf.isAfter(due)
                ? new DeadlineStatus(DeadlineStatus.State.MISSING, null, due, asOf, daysBetween(due, asOf))
                : new DeadlineStatus(DeadlineStatus.State.PENDING, null, due, asOf, daysBetween(asOf, due));
    }

    /**
     * Where a requirement with no date of its own stands: {@code PENDING} up to {@code due},
     * {@code MISSING} after it. For yes/no requirements ({@code in_development_plan: true}) and
     * parts of a list, whose dossier entry records no date of doing.
     */
    public DeadlineStatus undone(LocalDate due) {
        return deadline(null, due);
    }

    /** Whether something dated {@code date} had happened by the evaluation date. */
    public boolean done(LocalDate date) {
        return date != null && !date.isAfter(asOf);
    }

    /**
     * The inventory covering the latest year among those completed by the evaluation date, or
     * null: an inventory finished later did not exist yet.
     */
    public GhgInventory newestInventory(List<GhgInventory> inventories) {
        return inventories.stream().filter(g -> g.year() != null && done(g.completed()))
                .max(Comparator.comparingInt(GhgInventory::year)).orElse(null);
    }

    /** The calendar years from {@code first} that have ended by the evaluation date. */
    public List<Integer> endedYearsSince(int first) {
        List<Integer> years = new ArrayList<>();
        for (int y = first; y < asOf.getYear(); y++) {
            years.add(y);
        }
        return years;
    }

    /** The evaluation year. */
    public int year() {
        return asOf.getYear();
    }

    private static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    // Spelled out: the generated equals and hashCode link method handles on first use, which
    // a short run pays for (Drools hashes facts in `from`). FactEqualityTest keeps them whole.
    @Override
    public boolean equals(Object other) {
        return other instanceof Evaluation o
                && Objects.equals(asOf, o.asOf)
                && Objects.equals(factsAsOf, o.factsAsOf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(asOf, factsAsOf);
    }
}
