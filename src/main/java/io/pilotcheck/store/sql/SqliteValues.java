package io.pilotcheck.store.sql;

import com.zaxxer.hikari.HikariConfig;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What SQLite needs that PostgreSQL does not, kept in one place so the statements stay the same
 * for both: its connection settings, and times and dates as text. SQLite has no time type; a
 * time is kept as UTC text of fixed width ({@code 2026-03-31T08:00:00.123456000Z}), which sorts
 * and compares as the times do, and a date as {@code 2026-03-31}.
 */
final class SqliteValues {

    /** How long a connection waits for another's write to end before it gives up. */
    static final int BUSY_TIMEOUT_MS = 10_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private SqliteValues() {
    }

    /**
     * The embedded file's settings: a write-ahead log, so that other processes (the command line
     * while the service runs) read while one writes; every commit synced before it is
     * acknowledged; write transactions that take the write lock when they begin, so two never
     * deadlock upgrading a read; a wait for the lock rather than an error; foreign keys checked.
     */
    static void configure(HikariConfig config, StoreLocation location) {
        location.file().ifPresent(SqliteValues::folder);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MS));
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    }

    private static void folder(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Binds times and dates as SQLite keeps them. */
    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<OffsetDateTime>(Types.VARCHAR) {
            @Override
            protected Argument build(OffsetDateTime value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setString(position, TIME.format(value));
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.VARCHAR) {
            @Override
            protected Argument build(LocalDate value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setString(position, value.toString());
            }
        });
    }

    /** A time column, as either database gives it back; null for SQL NULL. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        return value instanceof String text ? Instant.parse(text) : rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A date column, as either database gives it back; null for SQL NULL. */
    static LocalDate date(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        return value instanceof String text ? LocalDate.parse(text) : rs.getObject(column, LocalDate.class);
    }
}
