package io.pilotcheck.cli;

import io.pilotcheck.words.Language;
import io.pilotcheck.generate.DossierGenerator;
import io.pilotcheck.registry.PilotRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/** {@code pilotcheck generate}: synthetic dossiers for benchmarks, load tests and demos. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write N synthetic, realistic dossiers over all 45 pilots, about a third of them with gaps;",
            "the same seed always gives the same files. They go into folders of 1,000 (DIR/0000/, DIR/0001/, ...)."})
public final class GenerateCommand implements Callable<Integer> {

    /** Dossiers per folder: small folders list fast and keep any one listing small. */
    static final int PER_FOLDER = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--count", required = true, paramLabel = "N", description = "how many dossiers")
    long count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "random seed (default: 1)")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write them into")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (count < 1) {
            err.println(Say.say(common.lang, "countAtLeastOne"));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        Optional<PilotRegistry> registry = RulesLoading.loadRegistry(common.rulesDir(), common.lang, err);
        if (registry.isEmpty()) {
            return ExitCode.CANNOT_CHECK.code();
        }
        DossierGenerator generator = new DossierGenerator(registry.get(), seed);
        long start = System.nanoTime();
        AtomicLong withGaps = new AtomicLong();
        try {
            LongStream.range(0, (count + PER_FOLDER - 1) / PER_FOLDER).parallel().forEach(folder -> {
                try {
                    Path dir = Files.createDirectories(out.resolve(String.format("%04d", folder)));
                    for (long i = folder * PER_FOLDER; i < Math.min(count, (folder + 1) * PER_FOLDER); i++) {
                        Files.writeString(dir.resolve(generator.fileName(i)), generator.yaml(i), StandardCharsets.UTF_8);
                        if (generator.hasGaps(i)) {
                            withGaps.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            err.println(Say.say(common.lang, "cannotWrite", "what", e.getCause().getMessage()));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        err.println(Say.say(common.lang, "generated", "count", count, "gaps", withGaps.get(), "out", out,
                "seconds", String.format(java.util.Locale.ROOT, "%.1f", seconds)));
        err.flush();
        return ExitCode.OK.code();
    }
}
