package io.pilotcheck.store.sql;

import io.pilotcheck.store.AccountStore.Account;
import io.pilotcheck.store.AccountStore.AuditEntry;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The statements of accounts and the audit log, each within the store's read or write transaction. */
final class AccountRows {

    private static final String ACCOUNT = "SELECT name, display_name, role, provinces, city, password_hash, active, created_at, "
            + "changed_at FROM account ";

    private AccountRows() {
    }

    static int count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM account").mapTo(Integer.class).one();
    }

    static boolean add(Handle h, Account a, AuditEntry audit) {
        if (h.createQuery("SELECT COUNT(*) FROM account WHERE name = :n").bind("n", a.name()).mapTo(Integer.class).one() > 0) {
            return false;
        }
        h.createUpdate("INSERT INTO account (name, display_name, role, provinces, city, password_hash, active, created_at, changed_at) "
                        + "VALUES (:name, :display, :role, :provinces, :city, :hash, :active, :created, :changed)")
                .bind("name", a.name()).bind("display", a.displayName()).bind("role", a.role())
                .bind("provinces", provinces(a.provinces())).bind("city", a.city()).bind("hash", a.passwordHash())
                .bind("active", a.active()).bind("created", SqlSubmissionStore.utc(a.createdAt()))
                .bind("changed", SqlSubmissionStore.utc(a.changedAt())).execute();
        audit(h, audit);
        return true;
    }

    static Optional<Account> find(Handle h, String name) {
        return h.createQuery(ACCOUNT + "WHERE name = :n").bind("n", name).map((rs, ctx) -> account(rs)).findOne();
    }

    static List<Account> all(Handle h) {
        return h.createQuery(ACCOUNT + "ORDER BY name").map((rs, ctx) -> account(rs)).list();
    }

    static boolean change(Handle h, Account a, AuditEntry audit) {
        Optional<Account> before = find(h, a.name());
        if (before.isEmpty()) {
            return false;
        }
        h.createUpdate("UPDATE account SET display_name = :display, role = :role, provinces = :provinces, city = :city, "
                        + "password_hash = :hash, active = :active, changed_at = :changed WHERE name = :name")
                .bind("name", a.name()).bind("display", a.displayName()).bind("role", a.role())
                .bind("provinces", provinces(a.provinces())).bind("city", a.city()).bind("hash", a.passwordHash())
                .bind("active", a.active()).bind("changed", SqlSubmissionStore.utc(a.changedAt())).execute();
        if (!a.active() || !a.passwordHash().equals(before.get().passwordHash())) {
            // a disabled account, or one whose password changed, keeps no session open
            h.createUpdate("UPDATE login_session SET ended_at = :at WHERE account = :name AND ended_at IS NULL")
                    .bind("at", SqlSubmissionStore.utc(a.changedAt())).bind("name", a.name()).execute();
        }
        audit(h, audit);
        return true;
    }

    static void audit(Handle h, AuditEntry e) {
        h.createUpdate("INSERT INTO audit (id, at, actor, address, action, object, detail) "
                        + "VALUES (:id, :at, :actor, :address, :action, :object, :detail)")
                .bind("id", nextAuditId(e.at())).bind("at", SqlSubmissionStore.utc(e.at())).bind("actor", e.actor())
                .bind("address", e.address()).bind("action", e.action()).bind("object", e.object()).bind("detail", e.detail())
                .execute();
    }

    private static long lastMillis;
    private static int sequence;

    /**
     * An audit row's id: its time in milliseconds, a sequence within the millisecond, then random
     * bits, so that rows this process adds sort in the order they were added (two in the same
     * millisecond too; a time earlier than the last row's takes the last row's), and ids made by
     * other instances never collide.
     */
    static synchronized String nextAuditId(Instant at) {
        long millis = Math.max(at.toEpochMilli(), lastMillis);
        sequence = millis == lastMillis ? sequence + 1 : 0;
        lastMillis = millis;
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return String.format("%012x%04x", millis, sequence & 0xffff) + java.util.HexFormat.of().formatHex(random);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    static List<AuditEntry> log(Handle h, Instant since, int limit) {
        return h.createQuery("SELECT at, actor, address, action, object, detail FROM audit"
                        + (since == null ? "" : " WHERE at >= :since") + " ORDER BY id LIMIT :limit")
                .bindMap(since == null ? java.util.Map.of("limit", limit) : java.util.Map.of("limit", limit, "since", SqlSubmissionStore.utc(since)))
                .map((rs, ctx) -> new AuditEntry(SqliteValues.instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    private static Account account(ResultSet rs) throws SQLException {
        String provinces = rs.getString(4);
        return new Account(rs.getString(1), rs.getString(2), rs.getString(3),
                provinces == null || provinces.isEmpty() ? List.of() : Arrays.asList(provinces.split("\n")), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), SqliteValues.instant(rs, 8), SqliteValues.instant(rs, 9));
    }

    private static String provinces(List<String> provinces) {
        return provinces.isEmpty() ? null : String.join("\n", provinces);
    }
}
