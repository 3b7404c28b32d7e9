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
    private final String wordKey;
    private final transient Object[] values;

    /**
     * An error whose words are the key {@code code} in the service's words.
     *
     * @param values the message's {@code {name}}s and their values, in pairs
     */
    public ApiError(int status, String code, Object... values) {
        this(code, status, code, values);
    }

    /** An error whose words are the key {@code wordKey} (the application layer's refusals, {@code account.KEY}). */
    private ApiError(String wordKey, int status, String code, Object[] values) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.wordKey = wordKey;
        this.values = values.clone();
    }

    /** What the application layer refused: 403 for a role that may not, 409 for a state that does not allow it, else 422. */
    static ApiError refused(io.pilotcheck.app.Accounts.Refused e) {
        String key = e.key();
        int status = key.equals("forbidden") ? 403 : CONFLICTS.contains(key) ? 409 : 422;
        String code = key.equals("forbidden") ? "forbidden" : key.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        return new ApiError(key.equals("forbidden") ? "forbidden" : "account." + key, status, code, e.values());
    }

    /** The refusals that say the thing asked for clashes with what is there now. */
    private static final java.util.Set<String> CONFLICTS = java.util.Set.of("badState", "accepted", "periodClosed", "returnNeedsMustFix",
            "acceptHasMustFix", "periodTaken", "nameTaken", "nothingSubmitted", "noSuchPeriod", "moved");

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
        return ServeWords.word(wordKey, lang, values);
    }
}
