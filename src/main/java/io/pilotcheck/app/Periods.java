package io.pilotcheck.app;

import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.store.AccountStore.AuditEntry;
import io.pilotcheck.store.ReviewStore.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reporting periods (docs/spec/review.md): an admin opens one with a due date, the date its
 * dossiers are checked at and the pilots expected; every submission is sent for one (the open
 * one by default); an admin closes it.
 */
public final class Periods {

    /** The word that sends a submission outside any period ({@code period=none}). */
    public static final String NONE = "none";

    private final StoreAccess store;
    private final Supplier<PilotRegistry> registry;

    Periods(StoreAccess store, Supplier<PilotRegistry> registry) {
        this.store = store;
        this.registry = registry;
    }

    /** The periods of {@code store}, pilots named from {@code registry}: for the command line, which opens a store of its own. */
    public static Periods of(io.pilotcheck.store.SubmissionStore store, Supplier<PilotRegistry> registry) {
        return new Periods(new StoreAccess(() -> store), registry);
    }

    /**
     * Opens a period.
     *
     * @param asOf   the date its dossiers are checked at; null for the due date
     * @param pilots the pilots expected (annex or English names); empty for all 45
     * @throws Accounts.Refused {@code badPeriodName}, {@code periodTaken}, {@code unknownCity}
     */
    public Period add(String name, LocalDate due, LocalDate asOf, List<String> pilots, String actor, String address, Instant at) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100 || n.equals(NONE) || n.chars().anyMatch(c -> c < 0x20 || c == 0x7F || c == '/')) {
            throw new Accounts.Refused("badPeriodName", "name", n);
        }
        if (due == null) {
            throw new Accounts.Refused("periodDue");
        }
        List<String> expected = new ArrayList<>();
        for (String p : pilots) {
            if (!p.isBlank()) {
                expected.add(registry.get().find(p.strip()).map(PilotCity::name)
                        .orElseThrow(() -> new Accounts.Refused("unknownCity", "city", p.strip())));
            }
        }
        Period period = new Period(n, due, asOf == null ? due : asOf, expected.stream().distinct().toList(), at, actor, null, null);
        if (!store.get().addPeriod(period, new AuditEntry(at, actor, address, "period.opened", n,
                "due " + due + (expected.isEmpty() ? "" : ", " + expected.size() + " pilots")))) {
            throw new Accounts.Refused("periodTaken", "name", n);
        }
        return period;
    }

    /** Every period, the latest due first. */
    public List<Period> list() {
        return store.get().periods();
    }

    /** A period by name. */
    public Optional<Period> find(String name) {
        return name == null ? Optional.empty() : store.get().period(name.strip());
    }

    /** The period a submission goes to unless it names one: the open period opened last. */
    public Optional<Period> current() {
        return list().stream().filter(Period::open).max(Comparator.comparing(Period::openedAt));
    }

    /**
     * Closes a period: nothing more is sent for it.
     *
     * @throws Accounts.Refused {@code noSuchPeriod} when there is no such open period
     */
    public void close(String name, String actor, String address, Instant at) {
        if (!store.get().closePeriod(name, at, actor, new AuditEntry(at, actor, address, "period.closed", name, null))) {
            throw new Accounts.Refused("noSuchPeriod", "name", String.valueOf(name));
        }
    }
}
