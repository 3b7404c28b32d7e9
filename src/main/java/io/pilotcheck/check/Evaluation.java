package io.pilotcheck.check;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The date a dossier is evaluated as of, with the date arithmetic rules need. A fact in every
 * session; rules never read the clock, so the same dossier and date always give the same result.
 *
 * @param asOf the evaluation date ({@code --as-of}, else the dossier's {@code as_of}, else today)
 */
public record Evaluation(LocalDate asOf) {

    /**
     * Where a requirement with a deadline stands. A {@code done} date after the evaluation date
     * counts as not done yet: evaluating a dossier as of an earlier date replays the pilot's story.
     */
    public DeadlineStatus deadline(LocalDate done, LocalDate due) {
        LocalDate doneByNow = done != null && !done.isAfter(asOf) ? done : null;
        if (doneByNow != null) {
            return doneByNow.isAfter(due)
                    ? new DeadlineStatus(DeadlineStatus.State.LATE, doneByNow, due, asOf, daysBetween(due, doneByNow))
                    : new DeadlineStatus(DeadlineStatus.State.MET, doneByNow, due, asOf, 0);
        }
        return asOf.isAfter(due)
                ? new DeadlineStatus(DeadlineStatus.State.MISSING, null, due, asOf, daysBetween(due, asOf))
                : new DeadlineStatus(DeadlineStatus.State.PENDING, null, due, asOf, daysBetween(asOf, due));
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
}
