package io.pilotcheck.serve;

import io.javalin.http.Context;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.Caller;
import io.pilotcheck.app.Logins;
import io.pilotcheck.app.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is asking, in the service's two modes (docs/spec/access.md). Desktop mode (the store holds
 * no account) has one caller, and answers only loopback host names. Shared mode (an account
 * exists) knows a caller by a tool's {@code Bearer} token or a browser's session cookie, and
 * answers the host names the operator named. The mode is the store's, read again every 2 s, so
 * every instance on one store changes mode together when the first account is made.
 */
final class Access {

    /** The session cookie's name. */
    static final String COOKIE = "pilotcheck_session";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final long RECHECK_NANOS = Duration.ofSeconds(2).toNanos();

    private final Application app;
    private volatile Set<String> hosts = Set.of();
    /**
     * The store's answer, once it has given one. Until then a loopback service is in desktop
     * mode: its store does not answer, so nothing it keeps can be read, and the check that needs
     * no store goes on (http-api.md); a service beyond loopback is shared whatever this says.
     */
    private volatile boolean shared;
    /** The address the service listens on, which shared mode accepts as a host name. */
    private volatile String bound = "127.0.0.1";
    /** Whether that address is a loopback one; on any other, the service is never in desktop mode. */
    private volatile boolean loopbackOnly = true;
    private final AtomicLong checked = new AtomicLong(Long.MIN_VALUE);

    Access(Application app) {
        this.app = app;
    }

    /** Shared mode's accepted host names besides the loopback ones and the bound address ({@code serve --host}). */
    void hosts(Set<String> names) {
        Set<String> lower = new java.util.HashSet<>();
        names.forEach(n -> lower.add(n.strip().toLowerCase(Locale.ROOT)));
        this.hosts = Set.copyOf(lower);
    }

    /** Notes the address the service listens on. */
    void bound(String address) {
        bound = address;
        try {
            loopbackOnly = java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            loopbackOnly = false;
        }
    }

    /**
     * Whether the store holds an account; asked of the store at most every 2 s (no store:
     * desktop). A service listening beyond loopback is always in shared mode, whatever the store
     * says, and one whose store stops answering keeps the mode it had.
     */
    boolean shared() {
        if (!loopbackOnly) {
            return true;
        }
        long now = System.nanoTime();
        long last = checked.get();
        if (last == Long.MIN_VALUE || now - last > RECHECK_NANOS) {
            if (checked.compareAndSet(last, now)) {
                try {
                    shared = app.keepsSubmissions() && app.accounts().shared();
                } catch (RuntimeException e) {
                    // a store that does not answer keeps the mode it had: never desktop by accident
                    checked.set(last);
                }
            }
        }
        return shared;
    }

    /** Whether shared mode answers a request with this {@code Host} name (without its port). */
    boolean hostAccepted(String hostName) {
        return LOOPBACK_NAMES.contains(hostName) || hosts.contains(hostName)
                || hostName.equalsIgnoreCase(bound) || ("[" + bound + "]").equalsIgnoreCase(hostName);
    }

    /** The caller of a request in shared mode: a token's, a session's, or nobody. */
    Caller caller(Context ctx) {
        Instant now = Instant.now();
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Tokens.Acting> acting = app.tokens().acting(authorization.substring(7).strip(), now);
            return acting.map(a -> Caller.ofToken(a.account(), a.token().scope())).orElse(Caller.anonymous());
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null) {
            Optional<Logins.Signed> signed = app.logins().signed(cookie, now);
            if (signed.isPresent()) {
                return Caller.of(signed.get().account(), signed.get().csrf());
            }
        }
        return Caller.anonymous();
    }
}
