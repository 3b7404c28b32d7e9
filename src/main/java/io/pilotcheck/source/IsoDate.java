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

    private static final java.time.format.DateTimeFormatter STRICT = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** Dates as people also write them: 2017/3/1, 2017.03.01, 2017-3-1, 2017年3月1日. */
    private static final java.util.regex.Pattern OTHER_SHAPES = java.util.regex.Pattern
            .compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    /** The same date written YYYY-MM-DD, when {@code text} is a real date in another shape. */
    public static java.util.Optional<String> suggestion(String text) {
        java.util.regex.Matcher m = OTHER_SHAPES.matcher(text.strip());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        String iso = m.group(1) + "-" + pad(m.group(2)) + "-" + pad(m.group(3));
        try {
            return java.util.Optional.of(java.time.LocalDate.parse(iso, STRICT).toString());
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static String pad(String n) {
        return n.length() == 1 ? "0" + n : n;
    }
}
