package io.pilotcheck.cli;

import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code pilotcheck migrate}: applies the store's pending schema migrations, the operator's step
 * before a new version serves a shared database (docs/operations.md, "Upgrade").
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Bring the store's schema to this version's: "
        + "apply the migrations it lacks (before serving a new version on PostgreSQL; the embedded store does it itself)")
public final class MigrateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        StoreLocation where = store.location();
        try {
            SqlSubmissionStore.Migrated done = SqlSubmissionStore.migrate(where);
            err.println(done.applied() == 0
                    ? Say.say(common.lang, "migrateCurrent", "store", where.shown(), "version", done.to())
                    : Say.say(common.lang, "migrated", "store", where.shown(), "from", done.from() == null ? "0" : done.from(),
                    "to", done.to(), "count", done.applied()));
            err.flush();
            return ExitCode.OK.code();
        } catch (StoreUnavailable | IllegalArgumentException e) {
            err.println(Say.say(common.lang, "migrateFailed", "store", where.shown(), "reason", String.valueOf(e.getMessage())));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
    }
}
