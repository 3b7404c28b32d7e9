package io.pilotcheck.cli;

import io.pilotcheck.app.Accounts;
import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every {@code users} and {@code tokens} subcommand does: open the store the service uses,
 * do its work, and say what was refused in the reader's words (exit 2).
 */
abstract class AccountCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        StoreLocation where = store.location();
        try (SubmissionStore kept = SqlSubmissionStore.open(where, where.migratesItself())) {
            int code = run(kept, spec.commandLine().getOut(), err);
            spec.commandLine().getOut().flush();
            err.flush();
            return code;
        } catch (Accounts.Refused e) {
            err.println(Say.say(common.lang, "account." + e.key(), e.values()));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        } catch (StoreUnavailable | IllegalArgumentException | IOException e) {
            err.println(Say.say(common.lang, "accountsFailed", "store", where.shown(), "reason", String.valueOf(e.getMessage())));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
    }

    /** The subcommand's work on the open store; its exit code. */
    abstract int run(SubmissionStore kept, PrintWriter out, PrintWriter err) throws IOException;
}
