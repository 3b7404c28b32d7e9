package io.pilotcheck.store.sql;

import io.pilotcheck.registry.Scope;
import io.pilotcheck.store.DossierEntry;
import io.pilotcheck.store.EvaluationRecord;
import io.pilotcheck.store.NewSubmission;
import io.pilotcheck.store.Source;
import io.pilotcheck.store.StoreDamaged;
import io.pilotcheck.store.StoreRefused;
import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.StoredSubmission;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.AccountStore.Account;
import io.pilotcheck.store.AccountStore.AuditEntry;
import io.pilotcheck.store.AccountStore.Session;
import io.pilotcheck.store.AccountStore.Token;
import io.pilotcheck.store.RuleSetStore.NewRuleSet;
import io.pilotcheck.store.RuleSetStore.Published;
import io.pilotcheck.store.RuleSetStore.RuleSet;
import io.pilotcheck.store.ReviewStore.Comment;
import io.pilotcheck.store.ReviewStore.Contact;
import io.pilotcheck.store.ReviewStore.Kept;
import io.pilotcheck.store.ReviewStore.Decision;
import io.pilotcheck.store.ReviewStore.Notice;
import io.pilotcheck.store.ReviewStore.Notification;
import io.pilotcheck.store.ReviewStore.Period;
import io.pilotcheck.store.ReviewStore.Step;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pilotcheck.failure.RootCause;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kept submissions, in SQLite or PostgreSQL through the same statements: the schema is Flyway's
 * migrations ({@code db/migration}), connections come from a HikariCP pool, statements go
 * through JDBI. A submission is written in one transaction: once {@link #record} returns, it is
 * committed whole, and if it throws, nothing of it is kept.
 */
public final class SqlSubmissionStore implements SubmissionStore {

    /** The most submissions one transaction holds: a few requests' worth of a busy server's. */
    private static final int GROUP = 64;

    private final StoreLocation location;
    /** The embedded store's mark of what it acknowledged; empty for PostgreSQL. */
    private final Optional<StoreMark> mark;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final GroupCommit<Recording> submissions;

    /** A submission on its way into the store, with its id and the audit row of its receipt (or null). */
    private record Recording(String id, NewSubmission submission, AuditEntry receipt) {
    }

    private SqlSubmissionStore(StoreLocation location, HikariDataSource pool, Optional<StoreMark> mark) {
        this.location = location;
        this.pool = pool;
        this.mark = mark;
        this.jdbi = Jdbi.create(pool);
        if (location.kind() == StoreLocation.Kind.SQLITE) {
            SqliteValues.register(jdbi);
        }
        this.submissions = new GroupCommit<>("store-writer", GROUP, group -> write(h -> {
            WriteBatch rows = new WriteBatch(h);
            for (Recording r : group) {
                rows.submission(r.id(), r.submission()).evaluation(r.id(), io.pilotcheck.store.StoreIds.next(r.submission().evaluation().evaluatedAt()),
                        r.submission().evaluation());
            }
            rows.execute();
            for (Recording r : group) {
                if (r.submission().inPeriod() != null) {
                    ReviewRows.inPeriod(h, r.id(), r.submission().inPeriod());
                }
                if (r.receipt() != null) {
                    // in the group's transaction: on SQLite a row written apart waited for the write
                    // lock the group held, and paid a commit of its own (bench/NOTES.md)
                    AuditEntry e = r.receipt();
                    AccountRows.audit(h, new AuditEntry(e.at(), e.actor(), e.address(), e.action(), r.id(), e.detail()));
                }
            }
            return null;
        }), SqlSubmissionStore::refusedData);
    }

    /** Whether the database refused a write for the data it held (SQL states 22 and 23), not for being out of reach. */
    private static boolean refusedData(Throwable e) {
        String state = sqlState(e);
        return state.startsWith("22") || state.startsWith("23");
    }

    /** The SQL state of the first {@link java.sql.SQLException} among a failure's causes, or "". */
    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    /**
     * Opens the store, creating or migrating its schema.
     *
     * @throws StoreUnavailable when the database cannot be reached or migrated
     */
    public static SqlSubmissionStore open(StoreLocation location) {
        return open(location, true);
    }

    /**
     * Opens the store; migrates its schema only when {@code migrate} is set, and otherwise
     * refuses a schema older than this version needs ({@link io.pilotcheck.store.SchemaTooOld}),
     * so that a service whose database role has no right to change tables never tries to.
     *
     * @throws StoreUnavailable when the database cannot be reached, or its schema is not this version's
     */
    public static SqlSubmissionStore open(StoreLocation location, boolean migrate) {
        return open(location, migrate, DEFAULT_POOL);
    }

    /** The most connections a store opens unless told otherwise. */
    public static final int DEFAULT_POOL = 8;

    /** As {@link #open(StoreLocation, boolean)}, with at most {@code poolSize} connections. */
    public static SqlSubmissionStore open(StoreLocation location, boolean migrate, int poolSize) {
        HikariDataSource pool = pool(location, poolSize);
        Optional<StoreMark> mark = StoreMark.of(location);
        try {
            Optional<String> version = knownVersion(pool);
            if (!version.equals(Optional.of(SCHEMA_VERSION))) {
                if (!migrate) {
                    throw new io.pilotcheck.store.SchemaTooOld(version.orElse(null), SCHEMA_VERSION, location.option());
                }
                applyMigrations(pool);
            }
            if (mark.isPresent()) {
                intact(pool, mark.get());
            }
        } catch (StoreDamaged | io.pilotcheck.store.SchemaTooNew | io.pilotcheck.store.SchemaTooOld e) {
            pool.close();
            throw e;
        } catch (RuntimeException e) {
            pool.close();
            throw unopened(location, e);
        }
        return new SqlSubmissionStore(location, pool, mark);
    }

    /**
     * What {@link #migrate} did: the schema version before (null for a new store) and after, and
     * how many migrations it applied.
     */
    public record Migrated(String from, String to, int applied) {
    }

    /**
     * Applies the migrations this version holds and that the store lacks, and nothing else: the
     * operator's step before a new version serves a shared database.
     *
     * @throws StoreUnavailable when the database cannot be reached, or its schema is newer than this version's
     */
    public static Migrated migrate(StoreLocation location) {
        try (HikariDataSource pool = pool(location, 2)) {
            Optional<String> version;
            org.flywaydb.core.api.output.MigrateResult result;
            try {
                version = knownVersion(pool);
                result = applyMigrations(pool);
            } catch (io.pilotcheck.store.SchemaTooNew e) {
                throw e;
            } catch (RuntimeException e) {
                throw unopened(location, e);
            }
            return new Migrated(version.orElse(null), SCHEMA_VERSION, result.migrationsExecuted);
        }
    }

    /** The store's schema version (empty for a new store), refused when newer than this pilotcheck knows. */
    private static Optional<String> knownVersion(HikariDataSource pool) {
        Optional<String> version = schemaVersion(pool);
        if (version.isPresent() && newer(version.get(), SCHEMA_VERSION)) {
            throw new io.pilotcheck.store.SchemaTooNew(version.get(), SCHEMA_VERSION);
        }
        return version;
    }

    /** Applies this version's migrations that the store lacks. */
    private static org.flywaydb.core.api.output.MigrateResult applyMigrations(HikariDataSource pool) {
        return Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    }

    private static HikariDataSource pool(StoreLocation location, int size) {
        location.kind(); // refuses a URL of another database before any connection is tried
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.url());
        if (location.user() != null) {
            config.setUsername(location.user());
        }
        if (location.password() != null) {
            config.setPassword(location.password());
        }
        config.setPoolName("pilotcheck-store");
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(5_000);
        // a database server that is down at start is reported, not waited for: the pool keeps
        // trying; an embedded file that cannot be opened will not open a second later either
        config.setInitializationFailTimeout(location.kind() == StoreLocation.Kind.SQLITE ? 1 : -1);
        if (location.kind() == StoreLocation.Kind.SQLITE) {
            try {
                SqliteValues.configure(config, location);
            } catch (RuntimeException e) {
                throw unopened(location, e); // its folder cannot be made
            }
        }
        if (location.kind() == StoreLocation.Kind.POSTGRESQL) {
            // a server that is down, frozen or unreachable is an answer within seconds (503), never
            // a request hanging for as long as it is; the longest statement the store makes takes milliseconds
            config.addDataSourceProperty("connectTimeout", "5");
            config.addDataSourceProperty("loginTimeout", "5");
            config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
            config.addDataSourceProperty("options", "-c statement_timeout=" + (SOCKET_TIMEOUT_SECONDS - 2) * 1000);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw unopened(location, e);
        }
    }

    /**
     * Why a store could not be opened. An embedded file that SQLite cannot read (not a database,
     * a malformed page) is damaged, and said so with what to do; one that another process holds,
     * or that this user may not read or write, is not.
     */
    private static StoreUnavailable unopened(StoreLocation location, RuntimeException e) {
        String reason = RootCause.message(e);
        String lower = reason.toLowerCase(java.util.Locale.ROOT);
        boolean damaged = java.util.stream.Stream.of("malformed", "not a database", "corrupt")
                .anyMatch(lower::contains);
        if (location.kind() == StoreLocation.Kind.SQLITE && damaged) {
            return new StoreDamaged("the file cannot be read (" + reason + "): it is damaged. Restore the newest "
                    + "backup: pilotcheck import BACKUP.zip --data AN-EMPTY-FOLDER");
        }
        return new StoreUnavailable(reason, e);
    }

    /**
     * Refuses an embedded store whose file holds less than it acknowledged (see {@link StoreMark}),
     * and has SQLite check its file's structure, so a damaged page is found now, not by a reviewer.
     */
    private static void intact(HikariDataSource pool, StoreMark mark) {
        Optional<String> acknowledged = mark.read();
        String newest;
        try (java.sql.Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                String first = rs.next() ? rs.getString(1) : "ok";
                if (!"ok".equals(first)) {
                    throw new java.sql.SQLException(first);
                }
            }
            try (java.sql.ResultSet rs = st.executeQuery("SELECT MAX(id) FROM evaluation")) {
                rs.next();
                newest = rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new StoreDamaged("the file cannot be read through (" + RootCause.message(e) + "): it is damaged. "
                    + "Restore the newest backup: pilotcheck import BACKUP.zip --data AN-EMPTY-FOLDER");
        }
        if (acknowledged.isPresent() && (newest == null || newest.compareTo(acknowledged.get()) < 0)) {
            throw new StoreDamaged("the file holds evaluations up to " + (newest == null ? "none" : newest)
                    + ", but the store had kept up to " + acknowledged.get() + " (" + mark.file() + "): the file is damaged "
                    + "or an older copy, and what came after is not in it. Restore the newest backup (pilotcheck import "
                    + "BACKUP.zip --data AN-EMPTY-FOLDER); to serve what the file holds anyway, delete " + mark.file());
        }
        mark.advance(newest);
    }

    /** How long a PostgreSQL connection waits for an answer before the request is answered 503. */
    static final int SOCKET_TIMEOUT_SECONDS = 10;

    /** The version of the newest migration in {@code db/migration}; a test holds the two together. */
    static final String SCHEMA_VERSION = "9";

    /**
     * The store's schema version (its newest migration applied), asked with one query, or empty
     * for a new store: at {@link #SCHEMA_VERSION} Flyway's own start (about 0.7 s of a service's
     * start-up, measured in bench/NOTES.md) is left out; an older one goes through Flyway; a
     * newer one is refused (Flyway itself would ignore migrations it does not know).
     */
    private static Optional<String> schemaVersion(HikariDataSource pool) {
        try (java.sql.Connection c = pool.getConnection()) {
            // asked of the metadata first: a failed query would end a PostgreSQL transaction
            try (java.sql.ResultSet tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                if (!tables.next()) {
                    return Optional.empty(); // a new store
                }
            }
            try (java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" "
                         + "WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
                String newest = null;
                while (rs.next()) {
                    String v = rs.getString(1);
                    if (newest == null || newer(v, newest)) {
                        newest = v;
                    }
                }
                return Optional.ofNullable(newest);
            }
        } catch (java.sql.SQLException e) {
            return Optional.empty(); // Flyway will say what is wrong
        }
    }

    /** Whether schema version {@code a} is newer than {@code b} ({@code 10} after {@code 9}; {@code 5.1} after {@code 5}). */
    static boolean newer(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i].replaceAll("\\D", "0")) : 0;
            long q = i < y.length ? Long.parseLong(y[i].replaceAll("\\D", "0")) : 0;
            if (p != q) {
                return p > q;
            }
        }
        return false;
    }

    /** Where this store is. */
    public StoreLocation location() {
        return location;
    }

    @Override
    public String shown() {
        return location.shown();
    }

    /**
     * Keeps a submission and its first evaluation, in one transaction (shared with the
     * submissions that came in at the same time).
     *
     * @return the submission's id, once it is committed
     * @throws StoreUnavailable when the database fails; nothing of the submission is kept then
     */
    @Override
    public String record(NewSubmission submission, AuditEntry receipt) {
        String id = io.pilotcheck.store.StoreIds.next(submission.received());
        submissions.write(new Recording(id, submission, receipt));
        return id;
    }

    /**
     * Puts back submissions from an export with the ids they had, in one transaction: each one's
     * files, then each evaluation under its own id. Those already here are left as they are.
     */
    @Override
    public int restoreAll(List<Restored> group) {
        if (group.isEmpty()) {
            return 0;
        }
        return write(h -> {
            java.util.Set<String> present = new java.util.HashSet<>(h.createQuery("SELECT id FROM submission WHERE id IN (<ids>)")
                    .bindList("ids", group.stream().map(Restored::id).toList()).mapTo(String.class).list());
            WriteBatch rows = new WriteBatch(h);
            int added = 0;
            for (Restored r : group) {
                if (present.add(r.id())) { // an id twice in one group is added once
                    rows.submission(r.id(), r.submission());
                    for (Map.Entry<String, EvaluationRecord> e : r.evaluations()) {
                        rows.evaluation(r.id(), e.getKey(), e.getValue());
                    }
                    added++;
                }
            }
            rows.execute();
            return added;
        });
    }

    /**
     * Adds a re-check's evaluation unless the submission's latest evaluation is already under the
     * same rules (another re-check, here or on another instance, got there first); returns the
     * new evaluation's id, or empty. The submission's row is locked while it is decided, so two
     * re-checks at once add one evaluation, not two.
     */
    @Override
    public Optional<String> addEvaluationUnlessCurrent(String submissionId, EvaluationRecord evaluation) {
        String id = io.pilotcheck.store.StoreIds.next(evaluation.evaluatedAt());
        boolean added = write(h -> {
            if (location.kind() == StoreLocation.Kind.POSTGRESQL) {
                // SQLite's write transactions are one at a time already (begun IMMEDIATE)
                h.createQuery("SELECT id FROM submission WHERE id = :id FOR UPDATE").bind("id", submissionId).mapTo(String.class).findOne();
            }
            String latest = h.createQuery("SELECT rules_fingerprint FROM evaluation WHERE submission_id = :id ORDER BY id DESC LIMIT 1")
                    .bind("id", submissionId).mapTo(String.class).findOne().orElse("");
            if (latest.equals(evaluation.rulesFingerprint())) {
                return false;
            }
            new WriteBatch(h).evaluation(submissionId, id, evaluation).execute();
            return true;
        });
        return added ? Optional.of(id) : Optional.empty();
    }

    /**
     * Writes a consistent copy of the embedded store into {@code emptyFile} (which must be empty
     * or not exist) while others go on writing: SQLite's {@code VACUUM INTO} reads one snapshot,
     * and the copy is compact and needs no write-ahead log beside it.
     *
     * @throws IllegalStateException for a PostgreSQL store, which its own tools back up
     */
    public void backupInto(java.nio.file.Path emptyFile) {
        if (location.kind() != StoreLocation.Kind.SQLITE) {
            throw new IllegalStateException("a PostgreSQL store is backed up with pg_dump");
        }
        read(h -> h.createUpdate("VACUUM INTO :file").bind("file", emptyFile.toAbsolutePath().toString()).execute());
    }

    @Override
    public Connections connections() {
        com.zaxxer.hikari.HikariPoolMXBean p = pool.getHikariPoolMXBean();
        return p == null ? new Connections(0, 0, 0, 0, pool.getMaximumPoolSize())
                : new Connections(p.getActiveConnections(), p.getIdleConnections(), p.getTotalConnections(),
                p.getThreadsAwaitingConnection(), pool.getMaximumPoolSize());
    }

    @Override
    public void keepRuleEdition(String fingerprint, String edition) {
        write(h -> h.createUpdate("INSERT INTO rule_edition (fingerprint, edition) SELECT :f, :e WHERE NOT EXISTS "
                        + "(SELECT 1 FROM rule_edition WHERE fingerprint = :f)")
                .bind("f", fingerprint).bind("e", edition.getBytes(java.nio.charset.StandardCharsets.UTF_8)).execute());
    }

    @Override
    public Published publish(NewRuleSet set) {
        return write(h -> {
            Optional<RuleSet> active = active(h);
            if (active.isPresent() && active.get().fingerprint().equals(set.fingerprint())) {
                return new Published(active.get(), false);
            }
            int number = active.map(RuleSet::number).orElse(0) + 1;
            insertRuleSet(h, new RuleSet(number, set.fingerprint(), set.ruleCount(), set.at(), set.by(), set.note()), set.files());
            return new Published(new RuleSet(number, set.fingerprint(), set.ruleCount(), set.at(), set.by(), set.note()), true);
        });
    }

    private static final String RULE_SET = "SELECT number, fingerprint, rule_count, published_at, published_by, note FROM rule_set ";

    private static RuleSet ruleSet(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RuleSet(rs.getInt(1), rs.getString(2), rs.getInt(3), SqliteValues.instant(rs, 4), rs.getString(5), rs.getString(6));
    }

    private static Optional<RuleSet> active(Handle h) {
        return h.createQuery(RULE_SET + "ORDER BY number DESC LIMIT 1").map((rs, ctx) -> ruleSet(rs)).findOne();
    }

    @Override
    public Optional<RuleSet> activeRuleSet() {
        return read(SqlSubmissionStore::active);
    }

    @Override
    public List<RuleSet> ruleSets() {
        return read(h -> h.createQuery(RULE_SET + "ORDER BY number DESC").map((rs, ctx) -> ruleSet(rs)).list());
    }

    @Override
    public Optional<Map<String, byte[]>> ruleSetFiles(int number) {
        return read(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM rule_set WHERE number = :n").bind("n", number).mapTo(Integer.class).one() == 0) {
                return Optional.empty();
            }
            Map<String, byte[]> files = new java.util.TreeMap<>();
            h.createQuery("SELECT f.path, b.content FROM rule_set_file f JOIN stored_file b ON b.sha256 = f.sha256 "
                            + "WHERE f.rule_set = :n ORDER BY f.path").bind("n", number)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBytes(2))).forEach(e -> files.put(e.getKey(), e.getValue()));
            return Optional.of(java.util.Collections.unmodifiableMap(files));
        });
    }

    @Override
    public int accountCount() {
        return read(AccountRows::count);
    }

    @Override
    public boolean addAccount(Account account, AuditEntry audit) {
        return write(h -> AccountRows.add(h, account, audit));
    }

    @Override
    public Optional<Account> account(String name) {
        return read(h -> AccountRows.find(h, name));
    }

    @Override
    public List<Account> accounts() {
        return read(AccountRows::all);
    }

    @Override
    public boolean changeAccount(Account changed, AuditEntry audit) {
        return write(h -> AccountRows.change(h, changed, audit));
    }

    @Override
    public void audit(AuditEntry entry) {
        change(h -> AccountRows.audit(h, entry));
    }

    @Override
    public List<AuditEntry> auditRows(AuditFilter filter, int limit) {
        return read(h -> AccountRows.log(h, filter, limit));
    }

    @Override
    public List<AuditRecord> auditRecords(String afterId, int limit) {
        return read(h -> AccountRows.records(h, afterId, limit));
    }

    @Override
    public int restoreAudit(List<AuditRecord> rows) {
        return write(h -> AccountRows.restore(h, rows));
    }

    @Override
    public Kept reviewKept() {
        return read(ReviewRows::kept);
    }

    @Override
    public void restoreReview(Kept kept) {
        change(h -> ReviewRows.restore(h, kept));
    }

    @Override
    public Optional<Draft> draft(String city) {
        return read(h -> ReviewRows.drafts(h, city).stream().findFirst());
    }

    @Override
    public void saveDraft(Draft d, AuditEntry audit) {
        change(h -> {
            ReviewRows.insert(h, d, false);
            AccountRows.audit(h, audit);
        });
    }

    @Override
    public List<Draft> drafts() {
        return read(h -> ReviewRows.drafts(h, null));
    }

    @Override
    public boolean restoreDraft(Draft d) {
        return write(h -> ReviewRows.insert(h, d, true));
    }

    @Override
    public void dropDraft(String city) {
        change(h -> h.createUpdate("DELETE FROM dossier_draft WHERE city = :city").bind("city", city).execute());
    }

    @Override
    public Contact contact(String account) {
        return read(h -> ReviewRows.contact(h, account));
    }

    @Override
    public void setContact(Contact contact, AuditEntry audit) {
        change(h -> ReviewRows.setContact(h, contact, audit));
    }

    @Override
    public boolean addPeriod(Period period, AuditEntry audit) {
        return write(h -> ReviewRows.addPeriod(h, period, audit));
    }

    @Override
    public List<Period> periods() {
        return read(ReviewRows::periods);
    }

    @Override
    public Optional<Period> period(String name) {
        return read(h -> ReviewRows.period(h, name));
    }

    @Override
    public boolean closePeriod(String name, Instant at, String by, AuditEntry audit) {
        return write(h -> ReviewRows.closePeriod(h, name, at, by, audit));
    }

    @Override
    public void review(Change change) {
        change(h -> ReviewRows.change(h, change, location.kind() == StoreLocation.Kind.POSTGRESQL));
    }

    @Override
    public List<Step> steps(String period, String city) {
        return read(h -> ReviewRows.steps(h, period, city));
    }

    @Override
    public Map<String, Step> lastSteps(String period) {
        return read(h -> ReviewRows.lastSteps(h, period));
    }

    @Override
    public List<Decision> decisions(String submissionId, String city) {
        return read(h -> ReviewRows.decisions(h, submissionId, city));
    }

    @Override
    public List<Decision> waivers(String city, LocalDate day) {
        return read(h -> ReviewRows.waivers(h, city, day));
    }

    @Override
    public List<Comment> comments(String submissionId, String city) {
        return read(h -> ReviewRows.comments(h, submissionId, city));
    }

    @Override
    public Optional<String> periodOf(String submissionId) {
        return read(h -> ReviewRows.periodOf(h, submissionId));
    }

    @Override
    public List<Notification> notifications(String account, int limit) {
        return read(h -> ReviewRows.notifications(h, account, limit));
    }

    @Override
    public int unread(String account) {
        return read(h -> ReviewRows.unread(h, account));
    }

    @Override
    public void markRead(String account, Instant at) {
        change(h -> ReviewRows.markRead(h, account, at));
    }

    @Override
    public int addNotices(List<Notice> notices) {
        return write(h -> ReviewRows.notices(h, notices, true));
    }

    @Override
    public List<Notification> unmailed(int limit) {
        return read(h -> ReviewRows.unmailed(h, limit));
    }

    @Override
    public boolean claimMailing(String id, Instant at) {
        return write(h -> ReviewRows.claimMailing(h, id, at));
    }

    @Override
    public List<String> auditActions() {
        return read(AccountRows::actions);
    }

    @Override
    public void addSession(Session session, AuditEntry audit) {
        change(h -> AccountRows.addSession(h, session, audit));
    }

    @Override
    public Optional<Session> session(String idSha256) {
        return read(h -> AccountRows.session(h, idSha256));
    }

    @Override
    public void touchSession(String idSha256, Instant at) {
        change(h -> AccountRows.touchSession(h, idSha256, at));
    }

    @Override
    public void endSession(String idSha256, Instant at, AuditEntry audit) {
        change(h -> AccountRows.endSession(h, idSha256, at, audit));
    }

    @Override
    public void addLoginFailure(String name, String address, Instant at) {
        change(h -> AccountRows.addLoginFailure(h, name, address, at));
    }

    @Override
    public List<Instant> loginFailuresOfName(String name, Instant since) {
        return read(h -> AccountRows.loginFailures(h, "name", name, since));
    }

    @Override
    public List<Instant> loginFailuresFrom(String address, Instant since) {
        return read(h -> AccountRows.loginFailures(h, "address", address, since));
    }

    @Override
    public void addToken(Token token, AuditEntry audit) {
        change(h -> AccountRows.addToken(h, token, audit));
    }

    @Override
    public Optional<Token> tokenBySecret(String secretSha256) {
        return read(h -> AccountRows.tokenBySecret(h, secretSha256));
    }

    @Override
    public List<Token> tokens(String account) {
        return read(h -> AccountRows.tokens(h, account));
    }

    @Override
    public boolean revokeToken(String id, Instant at, AuditEntry audit) {
        return write(h -> AccountRows.revokeToken(h, id, at, audit));
    }

    @Override
    public void touchToken(String id, Instant at) {
        change(h -> AccountRows.touchToken(h, id, at));
    }

    @Override
    public Map<String, String> ruleEditions() {
        return read(h -> {
            Map<String, String> out = new java.util.TreeMap<>();
            h.createQuery("SELECT fingerprint, edition FROM rule_edition").map((rs, ctx) -> Map.entry(rs.getString(1),
                    new String(rs.getBytes(2), java.nio.charset.StandardCharsets.UTF_8))).forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    @Override
    public boolean restoreRuleSet(RuleSet set, Map<String, byte[]> files) {
        return write(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM rule_set WHERE number = :n").bind("n", set.number()).mapTo(Integer.class).one() > 0) {
                return false;
            }
            insertRuleSet(h, set, files);
            return true;
        });
    }

    /** A rule set's row, its files' bytes (each once) and its file rows. */
    private static void insertRuleSet(Handle h, RuleSet set, Map<String, byte[]> files) {
        h.createUpdate("INSERT INTO rule_set (number, fingerprint, rule_count, published_at, published_by, note) "
                        + "VALUES (:n, :f, :c, :at, :by, :note)")
                .bind("n", set.number()).bind("f", set.fingerprint()).bind("c", set.ruleCount()).bind("at", utc(set.publishedAt()))
                .bind("by", set.publishedBy()).bind("note", set.note()).execute();
        org.jdbi.v3.core.statement.PreparedBatch bytes = h.prepareBatch("INSERT INTO stored_file (sha256, size_bytes, content) "
                + "VALUES (:sha, :size, :content) ON CONFLICT DO NOTHING");
        org.jdbi.v3.core.statement.PreparedBatch rows = h.prepareBatch("INSERT INTO rule_set_file (rule_set, path, sha256) "
                + "VALUES (:n, :path, :sha)");
        for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(files).entrySet()) {
            String sha = sha256(f.getValue());
            bytes.bind("sha", sha).bind("size", (long) f.getValue().length).bind("content", f.getValue()).add();
            rows.bind("n", set.number()).bind("path", f.getKey()).bind("sha", sha).add();
        }
        if (bytes.size() > 0) {
            bytes.execute();
            rows.execute();
        }
    }

    @Override
    public Optional<String> ruleEdition(String fingerprint) {
        return read(h -> h.createQuery("SELECT edition FROM rule_edition WHERE fingerprint = :f").bind("f", fingerprint)
                .mapTo(byte[].class).findOne().map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public Optional<StoredSubmission> submission(Scope scope, String id) {
        ScopeSql in = new ScopeSql(scope);
        return read(h -> in.bind(h.createQuery(SUBMISSION + "s WHERE id = :id" + in.submission("s.id")))
                .bind("id", id)
                .map((rs, ctx) -> submission(rs, files(h, id), evaluations(h, id)))
                .findOne());
    }

    @Override
    public List<Whole> wholes(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return read(h -> h.inTransaction(t -> {
            Map<String, List<StoredSubmission.File>> files = new HashMap<>();
            t.createQuery("SELECT f.name, f.sha256, b.size_bytes, f.form_sha256, f.submission_id FROM submission_file f "
                            + "JOIN stored_file b ON b.sha256 = f.sha256 WHERE f.submission_id IN (<ids>) "
                            + "ORDER BY f.submission_id, f.position")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(rs.getString(5), file(rs)))
                    .forEach(e -> files.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<String, List<StoredSubmission.Evaluation>> evaluations = new HashMap<>();
            t.createQuery(EVALUATION.replace(" FROM", ", submission_id FROM") + "WHERE submission_id IN (<ids>) "
                            + "ORDER BY submission_id, id")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(rs.getString(8), evaluation(rs)))
                    .forEach(e -> evaluations.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<String, EvaluationRecord> records = EvaluationRows.readAll(t, evaluations.values().stream()
                    .flatMap(List::stream).map(StoredSubmission.Evaluation::id).toList());
            Map<String, StoredSubmission> submissions = new HashMap<>();
            t.createQuery(SUBMISSION + "WHERE id IN (<ids>)")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> submission(rs, files.getOrDefault(rs.getString("id"), List.of()),
                            evaluations.getOrDefault(rs.getString("id"), List.of())))
                    .forEach(s -> submissions.put(s.id(), s));
            List<Whole> out = new ArrayList<>();
            for (String id : ids) {
                StoredSubmission s = submissions.get(id);
                if (s != null) {
                    Map<String, EvaluationRecord> mine = new java.util.LinkedHashMap<>();
                    s.evaluations().forEach(e -> {
                        if (records.containsKey(e.id())) {
                            mine.put(e.id(), records.get(e.id()));
                        }
                    });
                    out.add(new Whole(s, mine));
                }
            }
            return out;
        }));
    }

    @Override
    public Optional<byte[]> file(Scope scope, String submissionId, String name) {
        return kept(scope, submissionId, name, "sha256");
    }

    @Override
    public Optional<byte[]> form(Scope scope, String submissionId, String name) {
        return kept(scope, submissionId, name, "form_sha256");
    }

    /** A kept file's bytes, or its YAML form's ({@code column} names which), checked against their hash. */
    private Optional<byte[]> kept(Scope scope, String submissionId, String name, String column) {
        ScopeSql in = new ScopeSql(scope);
        Optional<Map.Entry<String, byte[]>> kept = read(h -> in.bind(h.createQuery("SELECT b.sha256, b.content FROM submission_file f "
                        + "JOIN stored_file b ON b.sha256 = f." + column + " WHERE f.submission_id = :id AND f.name = :name"
                        + in.submission("f.submission_id")))
                .bind("id", submissionId).bind("name", name).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBytes(2))).findOne());
        // a file's bytes are kept under their SHA-256: bytes that no longer hash to it were damaged
        // where they lie (the embedded file has no checksum of its own pages' contents)
        kept.ifPresent(k -> {
            if (!sha256(k.getValue()).equals(k.getKey().strip())) {
                throw new StoreDamaged("the kept file " + name + " of submission " + submissionId + " no longer has the bytes it was "
                        + "kept with (SHA-256 " + k.getKey().strip() + "): the store is damaged. Restore the newest backup");
            }
        });
        return kept.map(Map.Entry::getValue);
    }

    @Override
    public Optional<EvaluationRecord> evaluation(Scope scope, String evaluationId) {
        return read(h -> inScope(h, scope, evaluationId) ? EvaluationRows.read(h, evaluationId) : Optional.empty());
    }

    /** Whether the evaluation is of a submission in {@code scope}. */
    private static boolean inScope(Handle h, Scope scope, String evaluationId) {
        if (scope.everything()) {
            return true;
        }
        ScopeSql in = new ScopeSql(scope);
        return in.bind(h.createQuery("SELECT COUNT(*) FROM evaluation e WHERE e.id = :id" + in.submission("e.submission_id")))
                .bind("id", evaluationId).mapTo(Integer.class).one() > 0;
    }

    private static final String ENTRY = "SELECT d.submission_id, s.received_at, s.submitter, s.source, d.evaluation_id, "
            + "e.rules_fingerprint, d.position, d.file_name, d.city, d.as_of, d.verdict, d.violations, d.warnings, "
            + "d.pending, d.errors, d.waived FROM dossier_result d JOIN submission s ON s.id = d.submission_id "
            + "JOIN evaluation e ON e.id = d.evaluation_id ";

    private static DossierEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DossierEntry(rs.getString(1), SqliteValues.instant(rs, 2), rs.getString(3),
                Source.fromId(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
                rs.getString(9), SqliteValues.date(rs, 10), rs.getString(11), rs.getInt(12), rs.getInt(13),
                rs.getInt(14), rs.getInt(15), rs.getInt(16));
    }

    /**
     * The order of a pilot's dossiers newest first, the last of a submission's dossiers of one
     * pilot before the others; {@code d.city} leads so that it is read from the index (V4).
     */
    private static final String NEWEST_FIRST = "ORDER BY d.city, d.submission_id DESC, d.evaluation_id DESC, d.position DESC";

    /**
     * Each named pilot's latest dossier: from its newest submission, as that submission's latest
     * evaluation found it. A pilot never submitted has no entry.
     */
    @Override
    public java.util.Map<String, DossierEntry> latest(Scope scope, List<String> cities) {
        ScopeSql in = new ScopeSql(scope);
        return read(h -> {
            java.util.Map<String, DossierEntry> out = new java.util.LinkedHashMap<>();
            for (String city : cities) {
                in.bind(h.createQuery(ENTRY + "WHERE d.city = :city" + in.dossier("d") + " " + NEWEST_FIRST + " LIMIT 1"))
                        .bind("city", city).map((rs, ctx) -> entry(rs)).findOne().ifPresent(e -> out.put(city, e));
            }
            return out;
        });
    }

    /**
     * A pilot's dossiers over time, oldest submission first: one a submission, as its latest
     * evaluation found it (the last of the pilot's dossiers when a submission held two). At
     * most the newest {@code count} submissions older than {@code before} (an id) when given.
     */
    @Override
    public List<DossierEntry> history(Scope scope, String city, int count, String before) {
        ScopeSql in = new ScopeSql(scope);
        return read(h -> {
            // rows, not submissions, can be limited: a submission has a row an evaluation, so
            // read a few rows a submission and read again with more when re-checks used them up
            for (long rows = Math.min(Integer.MAX_VALUE, 4L * count + 4); ; rows = Math.min(Integer.MAX_VALUE, rows * 4)) {
                org.jdbi.v3.core.statement.Query query = in.bind(h.createQuery(ENTRY + "WHERE d.city = :city" + in.dossier("d")
                                + (before == null ? "" : " AND d.submission_id < :before") + " " + NEWEST_FIRST + " LIMIT :rows"))
                        .bind("city", city).bind("rows", (int) rows);
                if (before != null) {
                    query.bind("before", before);
                }
                List<DossierEntry> newest = query.map((rs, ctx) -> entry(rs)).list();
                List<DossierEntry> out = new java.util.ArrayList<>();
                for (DossierEntry e : newest) {
                    if (out.isEmpty() || !out.get(out.size() - 1).submissionId().equals(e.submissionId())) {
                        out.add(e);
                    }
                }
                if (out.size() > count || newest.size() < rows || rows == Integer.MAX_VALUE) {
                    // the last submission read may be cut short, but its first row is its latest
                    List<DossierEntry> window = new java.util.ArrayList<>(out.subList(0, Math.min(count, out.size())));
                    java.util.Collections.reverse(window);
                    return window;
                }
            }
        });
    }

    /**
     * For each of {@code entries}, the rule ids of its dossier's findings of one severity that no
     * waiver accepts, in report order: one query for them all (the dashboard asks for 45).
     */
    @Override
    public java.util.Map<DossierEntry, List<String>> rules(java.util.Collection<DossierEntry> entries,
                                                            io.pilotcheck.finding.Severity severity) {
        if (entries.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Set<String> evaluations = new java.util.TreeSet<>();
        entries.forEach(e -> evaluations.add(e.evaluationId()));
        java.util.Map<String, List<String>> byDossier = read(h -> {
            java.util.Map<String, List<String>> found = new java.util.HashMap<>();
            h.createQuery("SELECT evaluation_id, dossier_position, rule_id FROM finding WHERE evaluation_id IN (<e>) "
                            + "AND severity = :s AND waiver IS NULL ORDER BY evaluation_id, dossier_position, position")
                    .bindList("e", List.copyOf(evaluations)).bind("s", severity.id())
                    .map((rs, ctx) -> new String[] {rs.getString(1) + "/" + rs.getInt(2), rs.getString(3)})
                    .forEach(row -> found.computeIfAbsent(row[0], k -> new java.util.ArrayList<>()).add(row[1]));
            return found;
        });
        java.util.Map<DossierEntry, List<String>> out = new java.util.LinkedHashMap<>();
        entries.forEach(e -> out.put(e, byDossier.getOrDefault(e.evaluationId() + "/" + e.position(), List.of())));
        return out;
    }

    /**
     * Submissions newest first, at most {@code limit}, older than {@code before} (an id) when
     * given, holding a dossier of {@code city} or of a pilot in {@code province} when given,
     * received on or after {@code since} when given.
     */
    @Override
    public List<Listed> submissions(Scope scope, Query q) {
        String city = q.city();
        String province = q.province();
        Instant since = q.since();
        int limit = q.limit();
        String before = q.before();
        ScopeSql in = new ScopeSql(scope);
        StringBuilder sql = new StringBuilder("SELECT s.id, s.received_at, s.submitter, s.source FROM submission s WHERE 1 = 1");
        sql.append(in.submission("s.id"));
        if (before != null) {
            sql.append(" AND s.id < :before");
        }
        if (since != null) {
            sql.append(" AND s.received_at >= :since");
        }
        if (city != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM dossier_result d WHERE d.submission_id = s.id AND d.city = :city)");
        }
        if (province != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM dossier_result d WHERE d.submission_id = s.id "
                    + "AND (d.province_zh = :province OR d.province_en = :province))");
        }
        sql.append(" ORDER BY s.id DESC LIMIT :limit");
        return read(h -> {
            var query = in.bind(h.createQuery(sql.toString())).bind("limit", limit);
            if (before != null) {
                query.bind("before", before);
            }
            if (since != null) {
                query.bind("since", utc(since));
            }
            if (city != null) {
                query.bind("city", city);
            }
            if (province != null) {
                query.bind("province", province);
            }
            List<Listed> heads = query.map((rs, ctx) -> new Listed(rs.getString(1), SqliteValues.instant(rs, 2),
                    rs.getString(3), Source.fromId(rs.getString(4)), List.of(), java.util.Map.of())).list();
            if (heads.isEmpty()) {
                return heads;
            }
            // every listed submission's dossiers of its latest evaluation, in one query
            java.util.Map<String, List<String[]>> dossiers = new java.util.HashMap<>();
            h.createQuery("SELECT d.submission_id, d.city, d.verdict FROM dossier_result d WHERE d.evaluation_id IN "
                            + "(SELECT MAX(e.id) FROM evaluation e WHERE e.submission_id IN (<ids>) GROUP BY e.submission_id) "
                            + "ORDER BY d.submission_id, d.position")
                    .bindList("ids", heads.stream().map(Listed::id).toList())
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(row -> dossiers.computeIfAbsent(row[0], k -> new java.util.ArrayList<>()).add(row));
            List<Listed> out = new java.util.ArrayList<>();
            for (Listed l : heads) {
                List<String> cities = new java.util.ArrayList<>();
                java.util.Map<String, Integer> verdicts = new java.util.TreeMap<>();
                for (String[] row : dossiers.getOrDefault(l.id(), List.of())) {
                    if (row[1] != null && !cities.contains(row[1])) {
                        cities.add(row[1]);
                    }
                    verdicts.merge(row[2], 1, Integer::sum);
                }
                out.add(new Listed(l.id(), l.received(), l.submitter(), l.source(), cities, verdicts));
            }
            return out;
        });
    }

    @Override
    public List<String> ids(Scope scope) {
        ScopeSql in = new ScopeSql(scope);
        return read(h -> in.bind(h.createQuery("SELECT id FROM submission s WHERE 1 = 1" + in.submission("s.id") + " ORDER BY id"))
                .mapTo(String.class).list());
    }

    @Override
    public long storedBytes() {
        return read(h -> h.createQuery("SELECT COALESCE(SUM(size_bytes), 0) FROM stored_file").mapTo(Long.class).one());
    }

    @Override
    public Optional<EvaluationRecord> evaluation(Scope scope, String evaluationId, int position) {
        return read(h -> inScope(h, scope, evaluationId) ? EvaluationRows.read(h, evaluationId, Math.max(0, position))
                : Optional.empty());
    }

    /** Counts the statements this store runs from now on, for a test that holds a page to a number of them. */
    java.util.concurrent.atomic.AtomicInteger countStatements() {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        jdbi.setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
            @Override
            public void logBeforeExecution(org.jdbi.v3.core.statement.StatementContext context) {
                count.incrementAndGet();
            }
        });
        return count;
    }

    /** Asks the database whether it answers, one question at a time, on a thread of its own. */
    private final java.util.concurrent.ExecutorService prober = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "store-probe");
        t.setDaemon(true);
        return t;
    });
    private java.util.concurrent.Future<Optional<String>> probing;

    /**
     * Whether the database answers within {@code wait}; the reason when it does not. A database
     * that hangs (a frozen server) is "did not answer" after {@code wait}, and the question
     * already asked is waited on by the next caller rather than asked again.
     */
    @Override
    public Optional<String> problem(java.time.Duration wait) {
        java.util.concurrent.Future<Optional<String>> asked;
        synchronized (prober) {
            if (prober.isShutdown()) {
                return Optional.of("the store is closed");
            }
            if (probing == null || probing.isDone()) {
                probing = prober.submit((java.util.concurrent.Callable<Optional<String>>) this::problem);
            }
            asked = probing;
        }
        try {
            return asked.get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.of("the database did not answer within " + wait.toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            return Optional.of(RootCause.message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** Whether the database answers now; the reason when it does not. */
    public Optional<String> problem() {
        try (Handle h = jdbi.open()) {
            h.createQuery("SELECT 1").mapTo(Integer.class).one();
            return Optional.empty();
        } catch (JdbiException | IllegalStateException e) {
            return Optional.of(RootCause.message(e));
        }
    }

    /** Writes the submissions waiting to be written, then closes the pool. */
    @java.lang.Override
    public void close() {
        synchronized (prober) {
            prober.shutdownNow();
        }
        submissions.close();
        pool.close();
    }

    /**
     * One write transaction, on disk before this returns (SQLite's full sync; PostgreSQL's commit).
     */
    private <T> T write(org.jdbi.v3.core.HandleCallback<T, RuntimeException> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.withHandle(h -> {
                    T result = h.inTransaction(transaction);
                    mark.ifPresent(m -> m.advance(h.createQuery("SELECT MAX(id) FROM evaluation").mapTo(String.class).one()));
                    return result;
                });
            } catch (JdbiException e) {
                // two writers keeping the same new bytes at once: one of them finds the other's
                // row only when it inserts its own, and is written again, finding it kept
                if (attempt < 3 && "23505".equals(sqlState(e))) {
                    continue;
                }
                if (refusedData(e)) {
                    throw new StoreRefused(RootCause.message(e), e);
                }
                throw new StoreUnavailable(RootCause.message(e), e);
            }
        }
    }

    /** One write transaction that answers nothing. */
    private void change(java.util.function.Consumer<Handle> transaction) {
        write(h -> {
            transaction.accept(h);
            return null;
        });
    }

    private <T> T read(org.jdbi.v3.core.HandleCallback<T, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException e) {
            throw new StoreUnavailable(RootCause.message(e), e);
        }
    }

    private static List<StoredSubmission.File> files(Handle h, String id) {
        return h.createQuery("SELECT f.name, f.sha256, b.size_bytes, f.form_sha256 FROM submission_file f "
                        + "JOIN stored_file b ON b.sha256 = f.sha256 WHERE f.submission_id = :id ORDER BY f.position")
                .bind("id", id)
                .map((rs, ctx) -> file(rs)).list();
    }

    private static StoredSubmission.File file(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredSubmission.File(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getString(4) == null ? null : rs.getString(4).strip());
    }

    private static final String SUBMISSION = "SELECT id, received_at, submitter, source FROM submission ";

    private static StoredSubmission submission(java.sql.ResultSet rs, List<StoredSubmission.File> files,
                                               List<StoredSubmission.Evaluation> evaluations) throws java.sql.SQLException {
        return new StoredSubmission(rs.getString("id"), SqliteValues.instant(rs, rs.findColumn("received_at")),
                rs.getString("submitter"), Source.fromId(rs.getString("source")), files, evaluations);
    }

    private static final String EVALUATION = "SELECT id, evaluated_at, reason, rules_fingerprint, rule_count, tool_version, "
            + "as_of FROM evaluation ";

    private static List<StoredSubmission.Evaluation> evaluations(Handle h, String id) {
        return h.createQuery(EVALUATION + "WHERE submission_id = :id ORDER BY id")
                .bind("id", id)
                .map((rs, ctx) -> evaluation(rs))
                .list();
    }

    private static StoredSubmission.Evaluation evaluation(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredSubmission.Evaluation(rs.getString(1), SqliteValues.instant(rs, 2),
                rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), SqliteValues.date(rs, 7));
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static String sha256(byte[] bytes) {
        return SubmissionStore.sha256(bytes);
    }
}
