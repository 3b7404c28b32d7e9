package io.pilotcheck.app;

import io.pilotcheck.store.AccountStore;
import io.pilotcheck.store.AccountStore.Account;
import io.pilotcheck.store.AccountStore.AuditEntry;
import io.pilotcheck.store.AccountStore.Session;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Logging in and out of a shared service (docs/spec/access.md, "Browser sessions"): a session
 * kept in the store under its id's SHA-256, ended after 8 idle hours, 7 days in all, a logout,
 * a changed password or a disabled account; five failed logins of a name (or fifty from an
 * address) in 15 minutes refuse it for 15 minutes, with the same answer as a wrong password.
 */
public final class Logins {

    /** How long a session may go unused. */
    public static final Duration IDLE = Duration.ofHours(8);
    /** How long a session may last at all. */
    public static final Duration ABSOLUTE = Duration.ofDays(7);
    /** The window failed logins are counted in, and how long a lock-out lasts. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Failed logins of one name in the window that lock it. */
    public static final int NAME_LIMIT = 5;
    /** Failed logins from one address in the window that lock it. */
    public static final int ADDRESS_LIMIT = 50;
    /** A session's last use is written at most this often (a page's every request would write otherwise). */
    private static final Duration TOUCH = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore store;

    /** Logins against the accounts of {@code store}. */
    public Logins(AccountStore store) {
        this.store = store;
    }

    /**
     * A session begun.
     *
     * @param cookie the session cookie's value (256 random bits), given to the browser once
     * @param csrf   the token its pages' forms carry
     */
    public record Begun(String cookie, String csrf, Account account) {
    }

    /** A session in use: its account and the token its forms must carry. */
    public record Signed(Account account, String csrf) {
    }

    /**
     * Logs {@code name} in, or throws {@link Accounts.Refused} {@code badLogin}: for a wrong
     * password, an unknown or disabled name and a locked name or address alike.
     */
    public Begun login(String name, String password, String address, Instant at) {
        String who = name == null ? "" : name.strip();
        Account account = checked(who, password, address, at);
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        String cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        byte[] csrf = new byte[32];
        RANDOM.nextBytes(csrf);
        String token = HexFormat.of().formatHex(csrf);
        store.addSession(new Session(sha256(cookie), who, token, at, at, null), new AuditEntry(at, who, address, "login", who, null));
        return new Begun(cookie, token, account);
    }

    /**
     * The account {@code name} and its password, checked as a login is (the same lock-outs and
     * audit rows), without a session: for the command line ({@code check --record --user}).
     *
     * @throws Accounts.Refused {@code badLogin}, for every reason a login is refused
     */
    public Caller caller(String name, String password, String address, Instant at) {
        Account account = checked(name == null ? "" : name.strip(), password, address, at);
        return Caller.of(account, null);
    }

    /** The account of a name and password, or {@code badLogin}; failures counted, lock-outs applied and audited. */
    private Account checked(String who, String password, String address, Instant at) {
        java.util.List<Instant> byName = store.loginFailuresOfName(who, at.minus(WINDOW.multipliedBy(2)));
        boolean locked = locked(byName, NAME_LIMIT, at)
                || locked(store.loginFailuresFrom(address, at.minus(WINDOW.multipliedBy(2))), ADDRESS_LIMIT, at);
        // the password is checked even when locked, so that a locked name answers as slowly as any other
        Optional<Account> account = Accounts.verify(store, who, password);
        if (locked) {
            // not counted as a failure: the lock lasts 15 minutes from the failure that set it, however often it is tried
            store.audit(new AuditEntry(at, who.isEmpty() ? "-" : who, address, "login.refused_locked", who, null));
            throw new Accounts.Refused("badLogin");
        }
        if (account.isEmpty()) {
            store.addLoginFailure(who, address, at);
            store.audit(new AuditEntry(at, who.isEmpty() ? "-" : who, address, "login.failed", who, null));
            java.util.List<Instant> withThis = new java.util.ArrayList<>(byName);
            withThis.add(0, at); // the failures newest first, this one included: whether it sets a lock
            if (locked(withThis, NAME_LIMIT, at)) {
                store.audit(new AuditEntry(at, "system", address, "login.locked", who,
                        NAME_LIMIT + " failed logins in " + WINDOW.toMinutes() + " minutes; refused for " + WINDOW.toMinutes() + " minutes"));
            }
            throw new Accounts.Refused("badLogin");
        }
        return account.get();
    }

    /**
     * The account a session cookie stands for, if its session is open, not idle too long nor too
     * old, and its account active; notes its use.
     */
    public Optional<Signed> signed(String cookie, Instant at) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 100) {
            return Optional.empty();
        }
        String key = sha256(cookie);
        Optional<Session> session = store.session(key);
        if (session.isEmpty() || session.get().endedAt() != null || session.get().lastSeenAt().plus(IDLE).isBefore(at)
                || session.get().createdAt().plus(ABSOLUTE).isBefore(at)) {
            return Optional.empty();
        }
        Optional<Account> account = store.account(session.get().account()).filter(Account::active);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (session.get().lastSeenAt().plus(TOUCH).isBefore(at)) {
            store.touchSession(key, at);
        }
        return Optional.of(new Signed(account.get(), session.get().csrf()));
    }

    /** Ends the session of {@code cookie}, if there is one. */
    public void logout(String cookie, String address, Instant at) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 100) {
            return;
        }
        String key = sha256(cookie);
        store.session(key).filter(s -> s.endedAt() == null).ifPresent(s ->
                store.endSession(key, at, new AuditEntry(at, s.account(), address, "logout", s.account(), null)));
    }

    /**
     * Whether {@code limit} failures (times newest first) fell within one window that ended less
     * than a window ago: the lock they set lasts a window from the last of them.
     */
    static boolean locked(java.util.List<Instant> failures, int limit, Instant at) {
        for (int i = 0; i + limit - 1 < failures.size(); i++) {
            Instant last = failures.get(i);
            if (last.plus(WINDOW).isBefore(at)) {
                return false; // this and every older burst ended a window ago
            }
            if (!failures.get(i + limit - 1).plus(WINDOW).isBefore(last)) {
                return true;
            }
        }
        return false;
    }

    /** A secret's SHA-256, in hexadecimal: how sessions and tokens are looked up. */
    static String sha256(String secret) {
        return io.pilotcheck.store.SubmissionStore.sha256(secret.getBytes(StandardCharsets.UTF_8));
    }
}
