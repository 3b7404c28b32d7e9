package io.pilotcheck.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A table a page shows, as a workbook: one sheet, its header bold, frozen, filtered and repeated
 * on every printed page (A4 landscape, one page wide). Every cell is text, as the page shows it.
 */
public final class TableXlsx {

    private TableXlsx() {
    }

    /** The workbook's bytes: {@code header} then {@code rows}, on a sheet named {@code sheet}. */
    public static byte[] render(String sheet, List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheet));
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            Row h = s.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
                h.getCell(c).setCellStyle(head);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    row.createCell(c).setCellValue(values.get(c) == null ? "" : values.get(c));
                }
            }
            for (int c = 0; c < header.size(); c++) {
                s.setColumnWidth(c, Math.min(255, Math.max(10, longest(header, rows, c) * 2 + 2)) * 256);
            }
            s.createFreezePane(0, 1);
            s.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, header.size() - 1));
            s.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
            s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            s.getPrintSetup().setLandscape(true);
            s.setFitToPage(true);
            s.getPrintSetup().setFitWidth((short) 1);
            s.getPrintSetup().setFitHeight((short) 0);
            s.getFooter().setCenter("&P / &N");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a workbook to memory", e);
        }
    }

    private static int longest(List<String> header, List<List<String>> rows, int column) {
        int n = header.get(column).length();
        for (List<String> r : rows) {
            if (column < r.size() && r.get(column) != null) {
                n = Math.max(n, r.get(column).length());
            }
        }
        return Math.min(n, 60);
    }
}
