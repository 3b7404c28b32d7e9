package io.pilotcheck.app;

import io.pilotcheck.report.CsvReport;
import io.pilotcheck.store.AccountStore;
import io.pilotcheck.store.AccountStore.AuditEntry;
import io.pilotcheck.words.Clock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The audit log (docs/spec/access.md): what the application layer writes to it, and what an
 * admin reads from it, filtered, on the page, as CSV, or from the command line. Rows are only
 * ever added.
 */
public final class AuditLog {

    /** The actor of what the command line does without an account. */
    public static final String CLI = "cli";

    /**
     * What to read: each part that is not null must hold; days are the service's time zone's.
     *
     * @param action an action, or a group of them ({@code login} for {@code login.failed}, …)
     * @param from   the first day
     * @param to     the last day, included
     */
    public record Query(String actor, String action, String object, LocalDate from, LocalDate to) {

        /** Every row. */
        public static Query all() {
            return new Query(null, null, null, null, null);
        }

        /** Blank parts as none; the rest stripped. */
        public Query {
            actor = blankToNull(actor);
            action = blankToNull(action);
            object = blankToNull(object);
        }

        AccountStore.AuditFilter filter(boolean newestFirst) {
            return new AccountStore.AuditFilter(actor, action, object,
                    from == null ? null : from.atStartOfDay(Clock.zone()).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(Clock.zone()).toInstant(), newestFirst);
        }

        private static String blankToNull(String v) {
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    private final AccountStore store;

    AuditLog(AccountStore store) {
        this.store = store;
    }

    /** The audit log of {@code store}: for the command line, which opens a store of its own. */
    public static AuditLog of(AccountStore store) {
        return new AuditLog(store);
    }

    /** Adds a row. */
    public void add(Instant at, String actor, String address, String action, String object, String detail) {
        store.audit(new AuditEntry(at, actor, address, action, object, detail));
    }

    /** The rows {@code query} keeps, newest first, at most {@code limit}: what the admin's page shows. */
    public List<AuditEntry> newestFirst(Query query, int limit) {
        return store.auditRows(query.filter(true), limit);
    }

    /** The rows {@code query} keeps, oldest first, at most {@code limit}: a file read top to bottom. */
    public List<AuditEntry> oldestFirst(Query query, int limit) {
        return store.auditRows(query.filter(false), limit);
    }

    /** Every action the log holds, for a filter to choose from. */
    public List<String> actions() {
        return store.auditActions();
    }

    /**
     * Rows as CSV (RFC 4180, a header line, times in ISO-8601 UTC): every text cell a spreadsheet
     * reads as text, since a failed login's name is whatever someone typed.
     */
    public static String csv(List<AuditEntry> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("at", "actor", "address", "action", "object", "detail").get())) {
            for (AuditEntry e : rows) {
                csv.printRecord(e.at(), CsvReport.text(e.actor()), CsvReport.text(e.address()), CsvReport.text(e.action()),
                        CsvReport.text(e.object()), CsvReport.text(e.detail()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV to memory", e);
        }
        return out.toString();
    }
}
