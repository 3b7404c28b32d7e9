package io.pilotcheck.cli;

import io.pilotcheck.store.StoreArchive;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.SubmissionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.ZipFile;

/** {@code pilotcheck import backup.zip}: puts an export's submissions into the store, ids and all. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Put the submissions of a pilotcheck export into the store (--data or --db), "
        + "with their ids; those already there are left as they are")
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", descriptionKey = "FILE", description = "a zip written by pilotcheck export")
    Path archive;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        StoreLocation where = store.location();
        try (ZipFile zip = new ZipFile(archive.toFile()); SubmissionStore kept = SqlSubmissionStore.open(where, where.migratesItself())) {
            StoreArchive.Imported done = StoreArchive.importInto(kept, zip);
            io.pilotcheck.app.AuditLog.of(kept).add(java.time.Instant.now(), io.pilotcheck.app.AuditLog.CLI, null, "import",
                    String.valueOf(archive), done.added() + " added, " + done.present() + " present");
            err.println(Say.say(common.lang, "imported", "file", archive, "added", done.added(), "present", done.present(),
                    "store", where.shown()));
            err.flush();
            return ExitCode.OK.code();
        } catch (StoreUnavailable | io.pilotcheck.store.StoreRefused | IllegalArgumentException | IOException e) {
            err.println(Say.say(common.lang, "importFailed", "file", archive, "store", where.shown(), "reason", String.valueOf(e.getMessage())));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
    }
}
