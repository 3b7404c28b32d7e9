package io.pilotcheck.cli;

import io.pilotcheck.api.ToolVersion;
import io.pilotcheck.files.OutputFile;
import io.pilotcheck.store.StoreArchive;
import io.pilotcheck.store.sql.StoreLocation;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.StoreUnavailable;
import io.pilotcheck.store.SubmissionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code pilotcheck export -o backup.zip}: every kept submission, its files and findings, in one archive. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write every kept submission (original files, metadata, every evaluation "
        + "and finding) into one zip: a backup, or the way to move the store into PostgreSQL (pilotcheck import)")
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "the zip to write")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        StoreLocation where = store.location();
        // written beside its name first when it is a regular file: a failed export never leaves a
        // zip that looks whole; a device or FIFO is written into (see OutputFile)
        try (SubmissionStore kept = SqlSubmissionStore.open(where, where.migratesItself()); OutputFile file = OutputFile.open(output)) {
            int n = StoreArchive.export(kept, ToolVersion.get(), new BufferedOutputStream(file.stream(), 1 << 16));
            file.commit();
            io.pilotcheck.app.AuditLog.of(kept).add(java.time.Instant.now(), io.pilotcheck.app.AuditLog.CLI, null, "export",
                    String.valueOf(output), n + " submissions");
            err.println(Say.say(common.lang, "exported", "file", output, "count", n, "store", where.shown()));
            err.flush();
            return ExitCode.OK.code();
        } catch (StoreUnavailable | IllegalArgumentException | IOException e) {
            err.println(Say.say(common.lang, "exportFailed", "file", output, "store", where.shown(), "reason", String.valueOf(e.getMessage())));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
    }
}
