package io.pilotcheck.cli;

import io.pilotcheck.dossier.LoadLimits;
import picocli.CommandLine;

/** Reads a size such as {@code 10MiB}, {@code 512K} or {@code 2048} (bytes) for {@code --max-file-size}. */
public final class SizeConverter implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        long bytes;
        try {
            bytes = LoadLimits.parseSize(value);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("badSize", "value", value);
        }
        if (bytes < 1) {
            throw new UsageProblem("sizeTooSmall");
        }
        return bytes;
    }
}
