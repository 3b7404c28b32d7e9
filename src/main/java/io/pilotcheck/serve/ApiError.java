package io.pilotcheck.serve;

import io.pilotcheck.words.Language;

/**
 * A request the service answers with an error, as the contract words it: an HTTP status, a code
 * a program can test, and the message in both languages ({@code Words*.properties} by key).
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Object[] values;

    /**
     * An error whose words are the key {@code code} in the service's words.
     *
     * @param values the message's {@code {name}}s and their values, in pairs
     */
    public ApiError(int status, String code, Object... values) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.values = values.clone();
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The contract's error code ({@code upload_too_large}). */
    public String code() {
        return code;
    }

    /** The message in {@code lang}. */
    public String message(Language lang) {
        return ServeWords.word(code, lang, values);
    }
}
