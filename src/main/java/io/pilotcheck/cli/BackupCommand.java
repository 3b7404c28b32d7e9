package io.pilotcheck.cli;

import io.pilotcheck.files.OutputFile;
import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code pilotcheck backup -o FILE}: a consistent copy of the embedded store, taken while the
 * service goes on writing; put back by copying it over the data folder's {@code pilotcheck.db}.
 */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Copy the embedded store of submissions into one "
        + "file while it is in use (pilotcheck serve may keep running); restore by putting the file back as pilotcheck.db")
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "the file to write")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        StoreLocation where = store.location();
        if (where.kind() != StoreLocation.Kind.SQLITE) {
            err.println(Say.say(common.lang, "backupServer", "store", where.shown()));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        Path copy = null;
        // SQLite writes the copy into a new file of its own; it is then written to the output the
        // way every output is (beside its name first, or into a device), so no half copy is left
        try (SqlSubmissionStore kept = SqlSubmissionStore.open(where, where.migratesItself()); OutputFile file = OutputFile.open(output)) {
            Path folder = output.toAbsolutePath().getParent();
            copy = Files.createTempFile(folder != null && Files.isDirectory(folder) && Files.isWritable(folder) ? folder
                    : Path.of(System.getProperty("java.io.tmpdir")), ".pilotcheck-backup-", ".db");
            kept.backupInto(copy);
            long bytes = Files.copy(copy, file.stream());
            file.commit();
            err.println(Say.say(common.lang, "backedUp", "file", output, "size", bytes, "store", where.shown()));
            err.flush();
            return ExitCode.OK.code();
        } catch (StoreUnavailable | IllegalArgumentException | IOException e) {
            err.println(Say.say(common.lang, "backupFailed", "file", output, "store", where.shown(), "reason", String.valueOf(e.getMessage())));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // a temporary copy left behind is named .pilotcheck-backup-*; nothing depends on it
                }
            }
        }
    }
}
