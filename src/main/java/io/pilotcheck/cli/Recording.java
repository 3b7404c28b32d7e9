package io.pilotcheck.cli;

import io.pilotcheck.app.Application;

import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.words.Language;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.SubmissionStore;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** {@code check --record}: the batch just checked, kept as a submission from the command line. */
final class Recording {

    private Recording() {
    }

    /** Keeps the batch; false (after saying why) when the store cannot be opened or written. */
    static boolean keep(CheckCommand o, RuleBook book, BatchResult batch, Map<String, DossierInput> checked, Language lang,
                        PrintWriter err) {
        StoreLocation where = o.store.location();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (SubmissionStore store = SqlSubmissionStore.open(where, where.migratesItself())) {
            String id = new Application(() -> book, () -> store).submissions().keep(batch, checked, now, o.submitter, o.asOf, io.pilotcheck.app.AuditLog.CLI);
            // the bytes that were checked are kept; a file not read whole (too large, unreadable) is not
            long files = batch.dossiers().stream().filter(d -> checked.get(d.file()) instanceof DossierInput.Bytes).count();
            err.println(Say.say(lang, "recorded", "id", id, "dossiers", files, "store", where.shown()));
            err.flush();
            return true;
        } catch (StoreUnavailable | io.pilotcheck.store.StoreRefused | IllegalArgumentException e) {
            err.println(Say.say(lang, "recordFailed", "store", where.shown(), "reason", String.valueOf(e.getMessage())));
            err.flush();
            return false;
        }
    }
}
