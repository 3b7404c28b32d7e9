package io.pilotcheck.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a deadline-bearing requirement stands at the evaluation date. Rules match on it
 * ({@code DeadlineStatus(!met) from $e.deadline(...)}) and hand it to the finding collector,
 * which picks the severity and message variant from {@link #state}.
 *
 * @param state what the dates add up to
 * @param done  when the item was done (null when not done by the evaluation date)
 * @param due   the deadline (inclusive: done on the day itself is on time)
 * @param asOf  the evaluation date
 * @param days  days late ({@code LATE}), overdue ({@code MISSING}) or left ({@code PENDING}); 0 when met
 */
public record DeadlineStatus(State state, LocalDate done, LocalDate due, LocalDate asOf, long days) {

    /** The four ways a deadline can stand. */
    public enum State {
        /** Done on or before the deadline. */
        MET,
        /** Done, but after the deadline. */
        LATE,
        /** Not done, and the deadline has passed. */
        MISSING,
        /** Not done, and the deadline has not passed yet. */
        PENDING
    }

    /** Done on time. */
    public boolean met() {
        return state == State.MET;
    }

    /** Done after the deadline. */
    public boolean late() {
        return state == State.LATE;
    }

    /** Not done and overdue. */
    public boolean missing() {
        return state == State.MISSING;
    }

    /** Not done, not yet due. */
    public boolean pending() {
        return state == State.PENDING;
    }

    // Spelled out: the generated equals and hashCode link method handles on first use, which
    // a short run pays for (Drools hashes facts in `from`). FactEqualityTest keeps them whole.
    @Override
    public boolean equals(Object other) {
        return other instanceof DeadlineStatus o
                && Objects.equals(state, o.state)
                && Objects.equals(done, o.done)
                && Objects.equals(due, o.due)
                && Objects.equals(asOf, o.asOf)
                && days == o.days;
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, done, due, asOf, days);
    }
}
