package io.pilotcheck.entry;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A city's workbook read back as the dossier's YAML (docs/spec/entry.md), each line of it noted
 * with the cell it came from, so that a finding at a line can be told at its cell. Rows are found
 * by the hidden key column {@link DossierWorkbook} writes, not by position; a formula cell is read
 * by its cached value; what a cell holds that is not of its kind is written as typed, for the
 * check to say what is wrong with it, as it would in YAML.
 */
public final class WorkbookReader {

    /** A workbook that is not a pilotcheck template. */
    public static final class NotATemplate extends Exception {
        private static final long serialVersionUID = 1L;

        NotATemplate(String message) {
            super(message);
        }
    }

    /**
     * What a workbook says.
     *
     * @param yaml  the dossier in the format's YAML
     * @param cells for each line of it (1-based), the cell it came from ({@code 低碳规划!B5})
     */
    public record Read(String yaml, Map<Integer, Place> cells) {
    }

    /**
     * A cell of the workbook.
     *
     * @param sheetIndex the sheet's place among the sections
     * @param sheet      the sheet's name
     * @param row        1-based row
     * @param column     1-based column (A is 1)
     */
    public record Place(int sheetIndex, String sheet, int row, int column) {
        @Override
        public String toString() {
            return sheet + "!" + CellReference.convertNumToColString(column - 1) + row;
        }
    }

    private WorkbookReader() {
    }

    /** Reads a workbook. */
    public static Read read(byte[] xlsx) throws NotATemplate {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            YamlLines<Place> out = new YamlLines<>();
            boolean any = false;
            for (int index = 0; index < EntryLayout.sections().size(); index++) {
                EntryLayout.Section section = EntryLayout.sections().get(index);
                Sheet sheet = wb.getSheet(section.name());
                if (sheet == null) {
                    continue;
                }
                Map<String, Row> rows = new HashMap<>();
                for (Row r : sheet) {
                    Cell k = r.getCell(DossierWorkbook.KEY_COLUMN);
                    if (k != null && k.getCellType() == CellType.STRING) {
                        rows.put(k.getStringCellValue(), r);
                    }
                }
                any |= !rows.isEmpty();
                for (EntryLayout.Item item : section.items()) {
                    read(sheet, index, rows, item, out);
                }
            }
            if (!any) {
                throw new NotATemplate("not a pilotcheck dossier workbook");
            }
            return new Read(out.text(), out.places());
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuntimeException && !(e instanceof org.apache.poi.UnsupportedFileFormatException)
                    && !(e instanceof org.apache.poi.ooxml.POIXMLException)) {
                throw (RuntimeException) e;
            }
            throw new NotATemplate("not an .xlsx workbook: " + e.getMessage());
        }
    }

    private static void read(Sheet sheet, int index, Map<String, Row> rows, EntryLayout.Item item, YamlLines<Place> out) {
        switch (item.kind()) {
            case flags -> {
                List<String> on = new ArrayList<>();
                Place first = null;
                boolean filled = false;
                for (String v : flagValues(item, rows.keySet())) {
                    Row r = rows.get(item.key() + "=" + v);
                    String text = r == null ? "" : text(r.getCell(1));
                    if (!text.isEmpty()) {
                        filled = true;
                        first = first == null ? ref(sheet, index, r, 1) : first;
                        if (text.equals(DossierWorkbook.YES)) {
                            on.add(v);
                        }
                    }
                }
                if (filled) {
                    out.scalar(item.key(), "[" + String.join(", ", on) + "]", first);
                }
            }
            case table -> {
                for (Row r : tableRows(sheet, rows, item)) {
                    Map<String, Map.Entry<String, Place>> values = new LinkedHashMap<>();
                    for (int c = 0; c < item.columns().size(); c++) {
                        EntryLayout.Item col = item.columns().get(c);
                        String v = scalar(r.getCell(c), col);
                        if (v != null) {
                            values.put(col.key(), Map.entry(v, ref(sheet, index, r, c)));
                        }
                    }
                    if (!values.isEmpty()) {
                        out.tableRow(item.key(), values);
                    }
                }
            }
            default -> {
                Row r = rows.get(item.key());
                String v = r == null ? null : scalar(r.getCell(1), item);
                if (v != null) {
                    out.scalar(item.key(), v, ref(sheet, index, r, 1));
                }
            }
        }
    }

    /**
     * A table's rows, in sheet order: every row below its head down to the next row keyed for
     * something else, so that rows a user inserts (with no key) or copies (with a repeated key)
     * are read as the rows they are.
     */
    private static List<Row> tableRows(Sheet sheet, Map<String, Row> rows, EntryLayout.Item item) {
        List<Row> out = new ArrayList<>();
        Row head = rows.get(item.key() + "#");
        if (head == null) {
            return out;
        }
        for (int n = head.getRowNum() + 1; n <= sheet.getLastRowNum(); n++) {
            Row r = sheet.getRow(n);
            if (r == null) {
                continue;
            }
            Cell k = r.getCell(DossierWorkbook.KEY_COLUMN);
            String key = k != null && k.getCellType() == CellType.STRING ? k.getStringCellValue() : "";
            if (!key.isEmpty() && !key.startsWith(item.key() + "[")) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    /** A flags item's values: the format's, then any other a row names (written as typed), in name order. */
    public static List<String> flagValues(EntryLayout.Item item, java.util.Collection<String> names) {
        List<String> out = new ArrayList<>(item.values().keySet());
        names.stream().filter(n -> n.startsWith(item.key() + "=")).map(n -> n.substring(item.key().length() + 1))
                .filter(v -> !item.values().containsKey(v)).sorted().forEach(out::add);
        return out;
    }

    /** A cell of the sheet of section {@code index}. */
    private static Place ref(Sheet sheet, int index, Row r, int column) {
        return new Place(index, sheet.getSheetName(), r.getRowNum() + 1, column + 1);
    }

    /** A cell's value as a YAML scalar of the item's kind; null when the cell is empty. */
    private static String scalar(Cell cell, EntryLayout.Item item) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (item.kind() == EntryLayout.Kind.date || DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            BigDecimal n = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
            return n.scale() <= 0 ? n.toBigInteger().toString() : n.toPlainString();
        }
        if (type == CellType.BOOLEAN) {
            return String.valueOf(cell.getBooleanCellValue());
        }
        return typed(text(cell), item);
    }

    /**
     * Text a user typed (in a cell or a form's field) as a YAML scalar of the item's kind; null
     * when empty. 是/否 and a choice's Chinese name become their values; anything else is kept as
     * typed, for the check to say what is wrong with it.
     */
    static String typed(String typed, EntryLayout.Item item) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        return switch (item.kind()) {
            case bool -> text.equals(DossierWorkbook.YES) ? "true" : text.equals(DossierWorkbook.NO) ? "false" : quoted(text);
            case choice -> item.values().containsKey(text) ? text
                    : item.values().entrySet().stream().filter(e -> e.getValue().equals(text)).map(Map.Entry::getKey).findFirst()
                    .orElse(quoted(text));
            case date, integer, year, number -> plain(text) ? text : quoted(text);
            default -> quoted(text);
        };
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == CellType.STRING ? cell.getStringCellValue().strip() : "";
    }

    /** Whether text is safe as a plain YAML scalar: what the check reads as the user typed it. */
    private static boolean plain(String text) {
        return text.matches("[\\p{L}\\p{N}./年月日 -]+") && !text.startsWith("-");
    }

    /** Text as a double-quoted YAML scalar. */
    static String quoted(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
