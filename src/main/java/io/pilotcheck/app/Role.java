package io.pilotcheck.app;

/**
 * What a caller must be to use a page or an API route. Every route names one; the one
 * before-handler of the service asks {@link Caller#may} before the route runs.
 */
public enum Role {
    /** Anyone who reaches the service: the only caller of a desktop service, which has no accounts. */
    EVERYONE
}
