package io.pilotcheck.source;

import java.util.Comparator;

/**
 * Where a value stands in its file: 1-based line and column, as editors and compilers count; in a
 * workbook, the sheet and the cell's row (as {@code line}) and column ({@code 低碳规划!C5}).
 *
 * @param file   the path as the user gave it (relative paths stay relative, for stable reports)
 * @param line   1-based line, or a workbook cell's 1-based row
 * @param column 1-based column, or a workbook cell's 1-based column (A is 1)
 * @param sheet  the workbook's sheet, or null in a text file
 */
public record SourceLocation(String file, int line, int column, Sheet sheet) implements Comparable<SourceLocation> {

    /**
     * A sheet of a workbook.
     *
     * @param index its place among the workbook's sections, so that findings sort as the sheets stand
     * @param name  its name, as the tab shows it
     */
    public record Sheet(int index, String name) {
    }

    private static final Comparator<SourceLocation> ORDER = Comparator
            .comparing(SourceLocation::file)
            .thenComparingInt(l -> l.sheet == null ? -1 : l.sheet.index())
            .thenComparingInt(SourceLocation::line)
            .thenComparingInt(SourceLocation::column);

    /** A place in a text file. */
    public SourceLocation(String file, int line, int column) {
        this(file, line, column, null);
    }

    /** The start of a file, where findings about a missing top-level field point. */
    public static SourceLocation startOf(String file) {
        return new SourceLocation(file, 1, 1);
    }

    /** Whether this is a workbook's cell. */
    public boolean inSheet() {
        return sheet != null;
    }

    /** The cell as a spreadsheet names it ({@code 低碳规划!C5}); a text file's place as line:column. */
    public String cell() {
        return sheet == null ? line + ":" + column : sheet.name() + "!" + columnLetters(column) + line;
    }

    /** A 1-based column number as a spreadsheet's letters (1 is A, 27 is AA). */
    public static String columnLetters(int column) {
        StringBuilder b = new StringBuilder();
        for (int c = Math.max(1, column); c > 0; c = (c - 1) / 26) {
            b.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return b.toString();
    }

    @Override
    public int compareTo(SourceLocation other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return sheet == null ? file + ":" + line + ":" + column : file + ": " + cell();
    }
}
