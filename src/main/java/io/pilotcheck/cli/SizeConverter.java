package io.pilotcheck.cli;

import io.pilotcheck.dossier.LoadLimits;
import picocli.CommandLine;

/** Reads a size such as {@code 10MiB}, {@code 512K} or {@code 2048} (bytes) for {@code --max-file-size}. */
public final class SizeConverter implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        try {
            long bytes = LoadLimits.parseSize(value);
            if (bytes < 1) {
                throw new CommandLine.TypeConversionException("the size must be at least 1 byte");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
