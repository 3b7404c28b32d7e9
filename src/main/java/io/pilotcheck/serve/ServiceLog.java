package io.pilotcheck.serve;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the service tells its operator, in English: one record a request, and events by level.
 * {@code serve} sends them to a logging backend (text or JSON lines, console or a rotated file);
 * {@link #lines} writes them as plain lines, for a server embedded in a test or a tool.
 */
public interface ServiceLog {

    /**
     * One request, as its access-log line holds it.
     *
     * @param client    the client's address (from the trusted proxy's header when it came through one)
     * @param requestId the request id, also answered in {@code X-Request-Id}
     * @param bytes     the body's bytes, or null when not known
     */
    record Access(OffsetDateTime at, String client, String requestId, String method, String path, int status, Long bytes,
                  float millis) {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

        /** The fields after the time, split by spaces: client, request id, method, path, status, bytes, milliseconds. */
        public String request() {
            // written out rather than String.format, which parsed its pattern at every request
            return new StringBuilder(96).append(client).append(' ').append(requestId).append(' ').append(method)
                    .append(' ').append(path).append(' ').append(status).append(' ').append(bytes == null ? "-" : bytes)
                    .append(' ').append(Math.round(millis)).append("ms").toString();
        }

        /** The whole line, time first: what an operator's tools split on spaces. */
        public String line() {
            return TIME.format(at) + " " + request();
        }
    }

    /** A request answered. */
    void access(Access request);

    /** Something an operator may want to know (start-up, rules changed). */
    void info(String message);

    /** Something went wrong outside the program (the store does not answer, data refused). */
    void warn(String message);

    /** A fault of the program, where it happened going with it; or, without a cause, a failure to start. */
    void error(String message, Throwable cause);

    /** Every record as one plain line to {@code out}; a fault's trace follows its line. */
    static ServiceLog lines(Consumer<String> out) {
        return new ServiceLog() {
            @Override
            public void access(Access request) {
                out.accept(request.line());
            }

            @Override
            public void info(String message) {
                out.accept(message);
            }

            @Override
            public void warn(String message) {
                out.accept(message);
            }

            @Override
            public void error(String message, Throwable cause) {
                if (cause == null) {
                    out.accept(message);
                    return;
                }
                java.io.StringWriter trace = new java.io.StringWriter();
                cause.printStackTrace(new java.io.PrintWriter(trace));
                out.accept(message + ": " + trace.toString().stripTrailing());
            }
        };
    }
}
