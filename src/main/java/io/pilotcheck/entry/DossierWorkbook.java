package io.pilotcheck.entry;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A dossier as the city's workbook (docs/spec/entry.md): one sheet a section of
 * {@link EntryLayout}, its rows 填报项 | 数值 | 单位 | 填写要求, 是/否 and choices from lists, dates as
 * date cells, repeated items as tables with rows to add to; the annex's facts locked. A hidden
 * fifth column names each row's key, so that the workbook is read back by key, not by position.
 */
public final class DossierWorkbook {

    /** The columns' headers. */
    public static final String[] HEADER = {"填报项", "数值", "单位", "填写要求"};
    /** The column that names each row's key (hidden). */
    public static final int KEY_COLUMN = 4;
    /** Empty table rows a workbook offers beyond those filled. */
    static final int SPARE_ROWS = 10;
    /** A yes in a 是/否 cell or field. */
    public static final String YES = "是";
    /** A no in a 是/否 cell or field. */
    public static final String NO = "否";

    private DossierWorkbook() {
    }

    /** The workbook of a dossier's YAML (a file's, or {@code init}'s template). */
    public static byte[] fromYaml(byte[] yaml) throws IOException {
        return write(new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml));
    }

    /** The workbook of {@code dossier} (its YAML read as a tree; empty for a blank template). */
    public static byte[] write(JsonNode dossier) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            for (EntryLayout.Section section : EntryLayout.sections()) {
                Sheet sheet = wb.createSheet(section.name());
                Row head = sheet.createRow(0);
                for (int c = 0; c < HEADER.length; c++) {
                    cell(head, c, HEADER[c], styles.head);
                }
                int r = 1;
                for (EntryLayout.Item item : section.items()) {
                    r = write(sheet, r, item, dossier, styles);
                }
                sheet.setColumnWidth(0, 34 * 256);
                sheet.setColumnWidth(1, 22 * 256);
                sheet.setColumnWidth(2, 12 * 256);
                sheet.setColumnWidth(3, 60 * 256);
                sheet.setColumnHidden(KEY_COLUMN, true);
                sheet.createFreezePane(0, 1);
                sheet.protectSheet(""); // locked: the labels and the annex's facts; unlocked: what the city fills
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a workbook to memory", e);
        }
    }

    private static int write(Sheet sheet, int r, EntryLayout.Item item, JsonNode dossier, Styles styles) {
        JsonNode value = item.valueIn(dossier);
        String need = item.requirement();
        switch (item.kind()) {
            case flags -> {
                java.util.Set<String> on = new java.util.LinkedHashSet<>();
                value.forEach(v -> on.add(v.asText()));
                // a value the format does not list keeps a row of its own, as written, for the check to name
                Map<String, String> rows = new java.util.LinkedHashMap<>(item.values());
                on.forEach(v -> rows.putIfAbsent(v, v));
                for (Map.Entry<String, String> v : rows.entrySet()) {
                    Row row = sheet.createRow(r);
                    cell(row, 0, item.label() + "：" + v.getValue(), styles.label);
                    cell(row, 1, value.isMissingNode() ? "" : on.contains(v.getKey()) ? YES : NO, styles.open);
                    cell(row, 3, need, styles.label);
                    cell(row, KEY_COLUMN, item.key() + "=" + v.getKey(), styles.label);
                    list(sheet, r, YES, NO);
                    r++;
                }
                return r;
            }
            case table -> {
                Row title = sheet.createRow(r);
                cell(title, 0, item.label(), styles.head);
                cell(title, 3, need, styles.label);
                cell(title, KEY_COLUMN, item.key(), styles.label);
                r++;
                Row head = sheet.createRow(r);
                for (int c = 0; c < item.columns().size(); c++) {
                    EntryLayout.Item col = item.columns().get(c);
                    cell(head, c, col.heading(), styles.head);
                }
                cell(head, KEY_COLUMN, item.key() + "#", styles.label);
                r++;
                int filled = value.isArray() ? value.size() : 0;
                for (int i = 0; i < filled + SPARE_ROWS; i++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < item.columns().size(); c++) {
                        EntryLayout.Item col = item.columns().get(c);
                        JsonNode v = i < filled ? value.get(i).path(col.key()) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
                        value(sheet, row, c, col, v, styles, false);
                    }
                    cell(row, KEY_COLUMN, item.key() + "[" + i + "]", styles.label);
                    r++;
                }
                return r;
            }
            default -> {
                Row row = sheet.createRow(r);
                cell(row, 0, item.label(), styles.label);
                value(sheet, row, 1, item, value, styles, item.annex());
                cell(row, 2, item.unit(), styles.label);
                cell(row, 3, need, styles.label);
                cell(row, KEY_COLUMN, item.key(), styles.label);
                return r + 1;
            }
        }
    }

    /** A value's cell, of its kind; empty (and open to the city) when the dossier has none. */
    private static void value(Sheet sheet, Row row, int column, EntryLayout.Item item, JsonNode v, Styles styles, boolean locked) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(locked ? styles.label : item.kind() == EntryLayout.Kind.date ? styles.date : styles.open);
        if (item.kind() == EntryLayout.Kind.bool) {
            list(sheet, row.getRowNum(), column, YES, NO);
        } else if (item.kind() == EntryLayout.Kind.choice) {
            list(sheet, row.getRowNum(), column, item.values().values().toArray(String[]::new));
        }
        if (v.isMissingNode() || v.isNull()) {
            return;
        }
        switch (item.kind()) {
            case integer, year, number -> {
                if (v.isNumber()) {
                    cell.setCellValue(v.asDouble());
                } else {
                    cell.setCellValue(v.asText()); // as written: the check says what is wrong with it
                }
            }
            case date -> {
                try {
                    cell.setCellValue(LocalDate.parse(v.asText()));
                } catch (DateTimeParseException e) {
                    cell.setCellValue(v.asText());
                }
            }
            case bool -> cell.setCellValue(v.isBoolean() ? (v.asBoolean() ? YES : NO) : v.asText());
            case choice -> cell.setCellValue(item.values().getOrDefault(v.asText(), v.asText()));
            default -> cell.setCellValue(v.asText());
        }
    }

    private static void list(Sheet sheet, int row, String... values) {
        list(sheet, row, 1, values);
    }

    private static void list(Sheet sheet, int row, int column, String... values) {
        DataValidationHelper help = sheet.getDataValidationHelper();
        DataValidation v = help.createValidation(help.createExplicitListConstraint(values), new CellRangeAddressList(row, row, column, column));
        v.setShowErrorBox(true);
        sheet.addValidationData(v);
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellValue(text);
        c.setCellStyle(style);
    }

    /** The workbook's few styles. */
    private static final class Styles {
        final CellStyle head;
        final CellStyle label;
        final CellStyle open;
        final CellStyle date;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            head = wb.createCellStyle();
            head.setFont(bold);
            label = wb.createCellStyle();
            label.setWrapText(true);
            open = wb.createCellStyle();
            open.setLocked(false);
            date = wb.createCellStyle();
            date.setLocked(false);
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }
}
