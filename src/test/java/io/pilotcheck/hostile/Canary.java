package io.pilotcheck.hostile;

/**
 * A class a hostile dossier's tag names. Loading and initialising it, or constructing it, sets
 * the system property {@link #PROPERTY}: the test reads that property, never this class, so the
 * test itself cannot be what initialises it.
 */
public final class Canary {

    /** Set once this class has been initialised. */
    public static final String PROPERTY = "pilotcheck.hostile.canary";

    static {
        System.setProperty("pilotcheck.hostile.canary", "initialised");
    }

    /** What a tag's constructor call would hit. */
    public Canary(String anything) {
        System.setProperty("pilotcheck.hostile.canary", "constructed: " + anything);
    }
}
