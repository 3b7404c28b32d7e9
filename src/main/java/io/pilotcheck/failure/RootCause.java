package io.pilotcheck.failure;

/**
 * The innermost cause of a failure, told in a line: what a driver, a parser or the JDK said
 * first is what a reader can act on, not the wrappers every layer above added.
 */
public final class RootCause {

    private RootCause() {
    }

    /** The innermost cause's message, or its class's simple name when it has none. */
    public static String message(Throwable e) {
        Throwable t = of(e);
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The innermost cause's class's simple name, then its message when it has one. */
    public static String described(Throwable e) {
        Throwable t = of(e);
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** The innermost cause: the last of the chain, which a cause naming itself ends too. */
    public static Throwable of(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
