package io.pilotcheck.serve;

/**
 * The names an upload gives its files (a multipart file name, {@code ?name=}, a zip entry): they
 * name the dossier in every report and the file in the store, so a name must stay inside its
 * folder (no {@code ..}, no absolute path, as for zip entries), hold no control character (a NUL
 * is refused by PostgreSQL, a line end forges report lines) and fit the store (1,000 characters).
 */
final class UploadNames {

    /** The store's limit on a file name, in characters. */
    static final int MAX_LENGTH = 1000;

    private UploadNames() {
    }

    /** Whether {@code name} (with {@code /} as separator) may name an uploaded file. */
    static boolean acceptable(String name) {
        if (name.isBlank() || name.length() > MAX_LENGTH || name.startsWith("/") || name.matches("^[A-Za-z]:.*")
                || ("/" + name + "/").contains("/../")) {
            return false;
        }
        return !hasControlCharacter(name);
    }

    /** Whether {@code text} holds a control character (U+0000–U+001F, U+007F): no name, query value or submitter does. */
    static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(UploadNames::control);
    }

    private static boolean control(int c) {
        return c < 0x20 || c == 0x7F;
    }

    /** {@code name}, or a 422 with {@code code} when it is not {@link #acceptable}. */
    static String checked(String name, String code) {
        if (!acceptable(name)) {
            throw new ApiError(422, code, "name", shown(name));
        }
        return name;
    }

    /** A name as a message may show it: control characters as {@code \\uXXXX}, cut after 120 characters. */
    static String shown(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(120).forEach(c -> {
            if (control(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return name.codePointCount(0, name.length()) > 120 ? out + "…" : out.toString();
    }
}
