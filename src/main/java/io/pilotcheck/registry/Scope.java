package io.pilotcheck.registry;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which pilots a caller may see and act on: every pilot, the pilots of named provinces, or one
 * pilot. Every read of kept submissions takes one, so that what a caller may see is decided in
 * one place (the application layer) and a query that forgets it does not compile.
 *
 * @param provinces the provinces as the annex names them ({@link PilotCity#province()}: 辽宁, 内蒙古), when the
 *                  scope is a set of provinces; empty otherwise
 * @param city      the pilot's Chinese name, when the scope is one pilot; null otherwise
 * @param everything whether the scope is every pilot
 */
public record Scope(boolean everything, Set<String> provinces, String city) {

    private static final Scope ALL = new Scope(true, Set.of(), null);

    /** Checks that exactly one of the three shapes is given. */
    public Scope {
        provinces = Set.copyOf(new TreeSet<>(provinces));
        int shapes = (everything ? 1 : 0) + (provinces.isEmpty() ? 0 : 1) + (city == null ? 0 : 1);
        if (shapes != 1) {
            throw new IllegalArgumentException("a scope is every pilot, some provinces or one pilot");
        }
    }

    /** Every pilot. */
    public static Scope all() {
        return ALL;
    }

    /** The pilots of these provinces, named as the annex names them (辽宁, 内蒙古). */
    public static Scope provinces(List<String> provinceNames) {
        return new Scope(false, Set.copyOf(provinceNames), null);
    }

    /** One pilot, by its Chinese name. */
    public static Scope city(String cityName) {
        return new Scope(false, Set.of(), Objects.requireNonNull(cityName));
    }

    /** Whether a pilot lies in this scope. */
    public boolean covers(PilotCity pilot) {
        return everything || provinces.contains(pilot.province()) || pilot.name().equals(city);
    }
}
