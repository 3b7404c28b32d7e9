package io.pilotcheck.source;

/**
 * The one date form dossiers use, {@code YYYY-MM-DD}, checked character by character: a batch
 * looks at millions of them, and a regular expression costs more than the rest of reading one.
 */
public final class IsoDate {

    private IsoDate() {
    }

    /** Whether {@code text} is four digits, a dash, two digits, a dash, two digits (ASCII digits only). */
    public static boolean hasShape(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }
}
