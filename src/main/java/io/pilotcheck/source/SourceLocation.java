package io.pilotcheck.source;

import java.util.Comparator;

/**
 * Where a value stands in its file: 1-based line and column, as editors and compilers count.
 *
 * @param file   the path as the user gave it (relative paths stay relative, for stable reports)
 * @param line   1-based line
 * @param column 1-based column
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    private static final Comparator<SourceLocation> ORDER = Comparator
            .comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line)
            .thenComparingInt(SourceLocation::column);

    /** The start of a file, where findings about a missing top-level field point. */
    public static SourceLocation startOf(String file) {
        return new SourceLocation(file, 1, 1);
    }

    @Override
    public int compareTo(SourceLocation other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
