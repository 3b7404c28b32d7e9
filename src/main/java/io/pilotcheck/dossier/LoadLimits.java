package io.pilotcheck.dossier;

import io.pilotcheck.source.YamlTreeReader;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a dossier file the loader will take: its size in bytes and how deep its YAML may
 * nest. A dossier is a few kilobytes and four levels deep, so the defaults leave thousands of
 * times that room and still stop a runaway file (a log pasted in, {@code /dev/zero}, a device)
 * long before it costs memory.
 *
 * @param maxFileBytes files larger than this are not read (LCP-SCHEMA-09)
 * @param maxDepth     mappings and lists nested deeper than this are refused (LCP-SCHEMA-01)
 */
public record LoadLimits(long maxFileBytes, int maxDepth) {

    /** The defaults: 10 MiB and 64 levels. */
    public static final LoadLimits DEFAULT =
            new LoadLimits(YamlTreeReader.DEFAULT_MAX_CODE_POINTS, YamlTreeReader.DEFAULT_MAX_DEPTH);

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*([kmg]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    /** Checks the limits are usable. */
    public LoadLimits {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("the file size limit must be at least 1 byte");
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("the nesting limit must be at least 1");
        }
    }

    /**
     * Parses a size as people write it: {@code 10MiB}, {@code 10MB}, {@code 10M}, {@code 512k},
     * {@code 2048}. Units are binary (K = 1024), as in {@code ls -h}.
     *
     * @throws IllegalArgumentException when {@code text} is not a size
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (examples: 10MiB, 512KB, 2048)");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    /** A size for messages: {@code 10 MiB}, {@code 512 KiB}, {@code 100.0 MiB}, {@code 900 B}. */
    public static String formatSize(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        boolean whole = value == Math.rint(value);
        return (whole ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value)) + " " + units[unit];
    }
}
