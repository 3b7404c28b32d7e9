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
            Application app = new Application(() -> book, () -> store);
            String submitter = o.submitter;
            String actor = io.pilotcheck.app.AuditLog.CLI;
            if (app.accounts().shared()) {
                // a shared store keeps what an account sends, in that account's scope
                java.util.Optional<io.pilotcheck.app.Caller> caller = caller(o, app, now, lang, err);
                if (caller.isEmpty()) {
                    return false;
                }
                if (!caller.get().may(io.pilotcheck.app.Role.SUBMIT)) {
                    return refuse(err, lang, "recordMayNotSubmit", "user", caller.get().name());
                }
                java.util.Optional<io.pilotcheck.finding.DossierResult> outside = app.submissions().outOfScope(caller.get().scope(), batch);
                if (outside.isPresent()) {
                    return refuse(err, lang, "recordOutOfScope", "user", caller.get().name(), "file", outside.get().file(),
                            "city", outside.get().city());
                }
                submitter = caller.get().name();
                actor = caller.get().name();
            }
            String id = app.submissions().keep(batch, checked, now, submitter, o.asOf, actor);
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

    /** The environment variable holding a token of the {@code --user} account. */
    static final String TOKEN = "PILOTCHECK_TOKEN";
    /** The environment variable holding the {@code --user} account's password, where a terminal cannot ask for it. */
    static final String PASSWORD = "PILOTCHECK_PASSWORD";

    /**
     * The account that records on a shared store: the one {@code PILOTCHECK_TOKEN}'s token acts
     * for (it must be {@code --user}'s when that is given), else {@code --user} with its password.
     */
    private static java.util.Optional<io.pilotcheck.app.Caller> caller(CheckCommand o, Application app, Instant now, Language lang,
                                                                        PrintWriter err) {
        String token = System.getenv(TOKEN);
        if (token != null && !token.isBlank()) {
            java.util.Optional<io.pilotcheck.app.Tokens.Acting> acting = app.tokens().acting(token.strip(), now);
            if (acting.isEmpty() || (o.user != null && !acting.get().account().name().equals(o.user))) {
                refuse(err, lang, "recordBadToken", "user", String.valueOf(o.user));
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(io.pilotcheck.app.Caller.ofToken(acting.get().account(), acting.get().token().scope()));
        }
        if (o.user == null) {
            refuse(err, lang, "recordNeedsUser");
            return java.util.Optional.empty();
        }
        String password = System.getenv(PASSWORD);
        if ((password == null || password.isEmpty()) && System.console() != null) {
            char[] typed = System.console().readPassword("%s", Say.say(lang, "recordPasswordPrompt", "user", o.user));
            password = typed == null ? null : new String(typed);
        }
        if (password == null || password.isEmpty()) {
            refuse(err, lang, "recordNeedsUser");
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(app.logins().caller(o.user, password, "cli", now));
        } catch (io.pilotcheck.app.Accounts.Refused e) {
            refuse(err, lang, "recordBadLogin", "user", o.user);
            return java.util.Optional.empty();
        }
    }

    private static boolean refuse(PrintWriter err, Language lang, String key, Object... namesAndValues) {
        err.println(Say.say(lang, key, namesAndValues));
        err.flush();
        return false;
    }
}
