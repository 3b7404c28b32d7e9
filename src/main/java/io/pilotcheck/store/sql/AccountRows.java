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

    /** Adds an audit row, its id in the order this process adds them ({@link io.pilotcheck.store.StoreIds#ordered}). */
    static void audit(Handle h, AuditEntry e) {
        bindAudit(h.createUpdate(INSERT_AUDIT), io.pilotcheck.store.StoreIds.ordered(e.at()), e).execute();
    }

    private static final String INSERT_AUDIT = "INSERT INTO audit (id, at, actor, address, action, object, detail) "
            + "VALUES (:id, :at, :actor, :address, :action, :object, :detail)";

    /** Binds an audit row under {@code id} to an insert of one row, or of a batch's next. */
    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindAudit(S insert, String id, AuditEntry e) {
        return insert.bind("id", id).bind("at", SqlSubmissionStore.utc(e.at())).bind("actor", e.actor())
                .bind("address", e.address()).bind("action", e.action()).bind("object", e.object()).bind("detail", e.detail());
    }


    static List<AuditEntry> log(Handle h, io.pilotcheck.store.AccountStore.AuditFilter f, int limit) {
        List<String> where = new java.util.ArrayList<>();
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("limit", limit);
        if (f.actor() != null) {
            where.add("actor = :actor");
            values.put("actor", f.actor());
        }
        if (f.action() != null) {
            where.add("(action = :action OR action LIKE :under ESCAPE '!')");
            values.put("action", f.action());
            values.put("under", f.action().replace("!", "!!").replace("%", "!%").replace("_", "!_") + ".%");
        }
        if (f.object() != null) {
            where.add("object = :object");
            values.put("object", f.object());
        }
        if (f.from() != null) {
            where.add("at >= :from");
            values.put("from", SqlSubmissionStore.utc(f.from()));
        }
        if (f.until() != null) {
            where.add("at < :until");
            values.put("until", SqlSubmissionStore.utc(f.until()));
        }
        return h.createQuery("SELECT at, actor, address, action, object, detail FROM audit"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY id" + (f.newestFirst() ? " DESC" : "") + " LIMIT :limit")
                .bindMap(values)
                .map((rs, ctx) -> entry(rs, 1)).list();
    }

    /** An audit row's columns {@code at, actor, address, action, object, detail}, from column {@code first} on. */
    private static AuditEntry entry(ResultSet rs, int first) throws SQLException {
        return new AuditEntry(SqliteValues.instant(rs, first), rs.getString(first + 1), rs.getString(first + 2), rs.getString(first + 3),
                rs.getString(first + 4), rs.getString(first + 5));
    }

    static List<io.pilotcheck.store.AccountStore.AuditRecord> records(Handle h, String afterId, int limit) {
        return h.createQuery("SELECT id, at, actor, address, action, object, detail FROM audit"
                        + (afterId == null ? "" : " WHERE id > :after") + " ORDER BY id LIMIT :limit")
                .bindMap(afterId == null ? java.util.Map.of("limit", limit) : java.util.Map.of("limit", limit, "after", afterId))
                .map((rs, ctx) -> new io.pilotcheck.store.AccountStore.AuditRecord(rs.getString(1), entry(rs, 2))).list();
    }

    static int restore(Handle h, List<io.pilotcheck.store.AccountStore.AuditRecord> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        // one batch, not a statement a row: an archive's audit runs to a row a submission
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch(INSERT_AUDIT + " ON CONFLICT DO NOTHING");
        for (io.pilotcheck.store.AccountStore.AuditRecord r : rows) {
            bindAudit(batch, r.id(), r.entry()).add();
        }
        return java.util.Arrays.stream(batch.execute()).map(n -> Math.max(n, 0)).sum();
    }

    static List<String> actions(Handle h) {
        return h.createQuery("SELECT DISTINCT action FROM audit ORDER BY action").mapTo(String.class).list();
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

    static void addSession(Handle h, io.pilotcheck.store.AccountStore.Session s, AuditEntry audit) {
        h.createUpdate("INSERT INTO login_session (id_sha256, account, csrf, created_at, last_seen_at) "
                        + "VALUES (:id, :account, :csrf, :created, :seen)")
                .bind("id", s.idSha256()).bind("account", s.account()).bind("csrf", s.csrf())
                .bind("created", SqlSubmissionStore.utc(s.createdAt())).bind("seen", SqlSubmissionStore.utc(s.lastSeenAt())).execute();
        audit(h, audit);
    }

    static Optional<io.pilotcheck.store.AccountStore.Session> session(Handle h, String idSha256) {
        return h.createQuery("SELECT id_sha256, account, csrf, created_at, last_seen_at, ended_at FROM login_session WHERE id_sha256 = :id")
                .bind("id", idSha256)
                .map((rs, ctx) -> new io.pilotcheck.store.AccountStore.Session(rs.getString(1), rs.getString(2), rs.getString(3),
                        SqliteValues.instant(rs, 4), SqliteValues.instant(rs, 5), SqliteValues.instant(rs, 6))).findOne();
    }

    static void touchSession(Handle h, String idSha256, Instant at) {
        h.createUpdate("UPDATE login_session SET last_seen_at = :at WHERE id_sha256 = :id AND last_seen_at < :at")
                .bind("id", idSha256).bind("at", SqlSubmissionStore.utc(at)).execute();
    }

    static void endSession(Handle h, String idSha256, Instant at, AuditEntry audit) {
        h.createUpdate("UPDATE login_session SET ended_at = :at WHERE id_sha256 = :id AND ended_at IS NULL")
                .bind("id", idSha256).bind("at", SqlSubmissionStore.utc(at)).execute();
        audit(h, audit);
    }

    static void addLoginFailure(Handle h, String name, String address, Instant at) {
        h.createUpdate("INSERT INTO login_failure (at, name, address) VALUES (:at, :name, :address)")
                .bind("at", SqlSubmissionStore.utc(at)).bind("name", name).bind("address", address).execute();
    }

    static List<Instant> loginFailures(Handle h, String column, String value, Instant since) {
        return h.createQuery("SELECT at FROM login_failure WHERE " + column + " = :v AND at >= :since ORDER BY at DESC")
                .bind("v", value).bind("since", SqlSubmissionStore.utc(since)).map((rs, ctx) -> SqliteValues.instant(rs, 1)).list();
    }

    private static final String TOKEN = "SELECT id, account, label, scope, secret_sha256, created_at, last_used_at, revoked_at FROM api_token ";

    private static io.pilotcheck.store.AccountStore.Token token(ResultSet rs) throws SQLException {
        return new io.pilotcheck.store.AccountStore.Token(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), SqliteValues.instant(rs, 6), SqliteValues.instant(rs, 7), SqliteValues.instant(rs, 8));
    }

    static void addToken(Handle h, io.pilotcheck.store.AccountStore.Token t, AuditEntry audit) {
        h.createUpdate("INSERT INTO api_token (id, account, label, scope, secret_sha256, created_at) "
                        + "VALUES (:id, :account, :label, :scope, :sha, :created)")
                .bind("id", t.id()).bind("account", t.account()).bind("label", t.label()).bind("scope", t.scope())
                .bind("sha", t.secretSha256()).bind("created", SqlSubmissionStore.utc(t.createdAt())).execute();
        audit(h, audit);
    }

    static Optional<io.pilotcheck.store.AccountStore.Token> tokenBySecret(Handle h, String sha) {
        return h.createQuery(TOKEN + "WHERE secret_sha256 = :sha").bind("sha", sha).map((rs, ctx) -> token(rs)).findOne();
    }

    static List<io.pilotcheck.store.AccountStore.Token> tokens(Handle h, String account) {
        return (account == null ? h.createQuery(TOKEN + "ORDER BY id") : h.createQuery(TOKEN + "WHERE account = :a ORDER BY id").bind("a", account))
                .map((rs, ctx) -> token(rs)).list();
    }

    static boolean revokeToken(Handle h, String id, Instant at, AuditEntry audit) {
        int n = h.createUpdate("UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("id", id).bind("at", SqlSubmissionStore.utc(at)).execute();
        if (n > 0) {
            audit(h, audit);
        }
        return n > 0;
    }

    static void touchToken(Handle h, String id, Instant at) {
        h.createUpdate("UPDATE api_token SET last_used_at = :at WHERE id = :id").bind("id", id).bind("at", SqlSubmissionStore.utc(at)).execute();
    }
}
