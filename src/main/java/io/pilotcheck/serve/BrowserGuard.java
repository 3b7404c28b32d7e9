package io.pilotcheck.serve;

import io.javalin.http.Context;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What keeps a browser on the reviewer's own PC from being a way in (desktop mode of
 * {@code docs/spec/access.md}): only loopback host names are served, so a page elsewhere cannot
 * reach the server by DNS rebinding; a state-changing request a browser marks as coming from
 * another site is refused; and every answer carries the headers that forbid framing, sniffing
 * and scripts from anywhere but the server itself. A request with no {@code Origin} (curl, a
 * script, a CI job) is served as before.
 */
final class BrowserGuard {

    /** The host names desktop mode answers to, with any port. */
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");

    /**
     * Scripts only from the server's own files (no inline script, no eval); the pages' and
     * reports' own inline styles are allowed; nothing may frame a page.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private BrowserGuard() {
    }

    /** Runs before every route: the headers, then the host and the request's origin. */
    static void before(Context ctx, Access access) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            // served over TLS by the service itself: browsers keep to HTTPS for a year
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        String host = ctx.header("Host");
        if (host != null && access.shared()) {
            // shared mode: the names the operator gave (serve --host), the bound address, loopback
            if (!access.hostAccepted(hostName(host))) {
                throw new ApiError(421, "unknown_host", "host", host);
            }
        } else if (host != null && !LOOPBACK_NAMES.contains(hostName(host))) {
            throw new ApiError(421, "bad_host", "host", host);
        }
        if (STATE_CHANGING.contains(ctx.method().name()) && crossSite(ctx, host)) {
            throw new ApiError(403, "csrf");
        }
    }

    /** The host name of a {@code Host} header, lower case, without its port; an IPv6 address keeps its brackets. */
    static String hostName(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /**
     * Whether a browser says the request comes from another site: {@code Sec-Fetch-Site:
     * cross-site}, or an {@code Origin} that is not this server's (an opaque {@code null} origin
     * included).
     */
    private static boolean crossSite(Context ctx, String host) {
        if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI o = URI.create(origin.strip());
            if (o.getHost() == null || host == null) {
                return true;
            }
            String own = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return !own.equalsIgnoreCase(host.strip()) && !withDefaultPort(o).equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** An origin's host with the port its scheme implies, as a {@code Host} header may name it. */
    private static String withDefaultPort(URI origin) {
        int port = origin.getPort() >= 0 ? origin.getPort() : "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
        return origin.getHost() + ":" + port;
    }
}
