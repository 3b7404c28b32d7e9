package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.finding.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.rules.RuleInfo;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check --format xlsx}: a workbook for reviewers who work in spreadsheets. Three sheets:
 * a summary (the run and the counts of the JSON report), the 45 pilots × rules matrix coloured
 * by outcome, and every finding with filters on its header row, in the columns of the CSV report.
 */
public final class XlsxReport {

    private XlsxReport() {
    }

    /** The workbook's bytes. */
    public static byte[] render(BatchResult batch, List<RuleInfo> rules, PilotRegistry registry, RunInfo run,
                                Language lang) {
        boolean en = lang == Language.EN;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            summary(wb.createSheet(en ? "Summary" : "汇总"), batch, run, styles, lang);
            matrix(wb.createSheet(en ? "Matrix" : "矩阵"), PilotMatrix.of(batch, rules, registry), styles, lang);
            findings(wb.createSheet(en ? "Findings" : "发现"), batch, styles, lang);
            LocalDate day = LocalDate.parse(run.asOf());
            wb.getProperties().getCoreProperties().setCreated(
                    java.util.Optional.of(java.util.Date.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
            wb.getProperties().getCoreProperties().setCreator("pilotcheck " + run.toolVersion());
            wb.write(out);
            return stamped(out.toByteArray(), day.atStartOfDay());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the workbook in memory", e);
        }
    }

    /**
     * The workbook with every zip entry dated {@code time} instead of the moment it was written,
     * so the same input gives the same bytes, as every other format does.
     */
    private static byte[] stamped(byte[] xlsx, LocalDateTime time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(time);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void summary(Sheet sheet, BatchResult batch, RunInfo run, Styles styles, Language lang) {
        boolean en = lang == Language.EN;
        Map<Verdict, Integer> v = batch.verdicts();
        Map<Severity, Integer> s = batch.unwaived();
        Object[][] rows = {
            {"pilotcheck", run.toolVersion()},
            {en ? "as of" : "评估日期", run.asOf()},
            {en ? "rules" : "规则数", run.ruleCount()},
            {en ? "rules fingerprint" : "规则指纹", run.rulesFingerprint()},
            {en ? "dossiers" : "档案数", batch.dossiers().size()},
            {en ? "compliant" : "合规", v.get(Verdict.COMPLIANT)},
            {en ? "non_compliant" : "不合规", v.get(Verdict.NON_COMPLIANT)},
            {en ? "errors" : "无法检查", v.get(Verdict.ERROR)},
            {en ? "violation" : "违规", s.get(Severity.VIOLATION)},
            {en ? "warning" : "警告", s.get(Severity.WARNING)},
            {en ? "pending" : "待到期", s.get(Severity.PENDING)},
            {en ? "error" : "错误", s.get(Severity.ERROR)},
            {en ? "waived" : "已豁免", batch.waived()},
        };
        for (int i = 0; i < rows.length; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(rows[i][0].toString());
            row.getCell(0).setCellStyle(styles.header);
            if (rows[i][1] instanceof Integer n) {
                row.createCell(1).setCellValue(n);
            } else {
                row.createCell(1).setCellValue(rows[i][1].toString());
            }
        }
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 80 * 256);
    }

    private static void matrix(Sheet sheet, PilotMatrix m, Styles styles, Language lang) {
        boolean en = lang == Language.EN;
        Row head = sheet.createRow(0);
        String[] fixed = en ? new String[] {"No.", "province", "pilot", "dossiers"} : new String[] {"序号", "省份", "试点", "档案"};
        for (int c = 0; c < fixed.length; c++) {
            cell(head, c, fixed[c], styles.header);
        }
        for (int c = 0; c < m.rules().size(); c++) {
            cell(head, fixed.length + c, m.rules().get(c).id(), styles.header);
        }
        int r = 1;
        for (PilotMatrix.Row row : m.rows()) {
            Row x = sheet.createRow(r++);
            x.createCell(0).setCellValue(row.pilot().number());
            x.createCell(1).setCellValue(en ? row.pilot().provinceEn() : row.pilot().province());
            x.createCell(2).setCellValue((en ? row.pilot().nameEn() : row.pilot().name()) + (row.pilot().starred() ? " *" : ""));
            x.createCell(3).setCellValue(String.join("\n", row.files()));
            for (int c = 0; c < row.cells().size(); c++) {
                PilotMatrix.Cell cell = row.cells().get(c);
                String text = cell.outcome().label(lang) + (cell.count() > 1 ? " ×" + cell.count() : "");
                cell(x, fixed.length + c, text, styles.outcome.get(cell.outcome()));
            }
        }
        sheet.createFreezePane(fixed.length, 1);
        sheet.setColumnWidth(2, 18 * 256);
        sheet.setColumnWidth(3, 28 * 256);
        for (int c = 0; c < m.rules().size(); c++) {
            sheet.setColumnWidth(fixed.length + c, 13 * 256);
        }
    }

    private static void findings(Sheet sheet, BatchResult batch, Styles styles, Language lang) {
        String[] header = CsvReport.HEADER;
        Row head = sheet.createRow(0);
        for (int c = 0; c < header.length; c++) {
            cell(head, c, header[c], styles.header);
        }
        int r = 1;
        for (DossierResult d : batch.dossiers()) {
            for (Finding f : d.findings()) {
                Row x = sheet.createRow(r++);
                List<Object> values = CsvReport.values(d, f, lang);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof Integer n) {
                        x.createCell(c).setCellValue(n);
                    } else {
                        x.createCell(c).setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0, header.length - 1));
        sheet.createFreezePane(0, 1);
        int[] widths = {28, 6, 6, 14, 14, 14, 10, 12, 36, 80, 8, 30, 20, 12};
        for (int c = 0; c < header.length && c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        row.createCell(column).setCellValue(text);
        row.getCell(column).setCellStyle(style);
    }

    /** The few cell styles of the workbook, made once (a workbook holds at most 64,000). */
    private static final class Styles {
        final CellStyle header;
        final Map<PilotMatrix.Outcome, CellStyle> outcome = new EnumMap<>(PilotMatrix.Outcome.class);

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            for (PilotMatrix.Outcome o : PilotMatrix.Outcome.values()) {
                CellStyle s = wb.createCellStyle();
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setFillForegroundColor(colour(o).getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                outcome.put(o, s);
            }
        }

        private static IndexedColors colour(PilotMatrix.Outcome o) {
            return switch (o) {
                case NO_DOSSIER -> IndexedColors.GREY_25_PERCENT;
                case PASSED -> IndexedColors.LIGHT_GREEN;
                case WAIVED -> IndexedColors.LIGHT_TURQUOISE;
                case PENDING -> IndexedColors.LIGHT_CORNFLOWER_BLUE;
                case WARNING -> IndexedColors.LIGHT_YELLOW;
                case VIOLATION -> IndexedColors.CORAL;
                case ERROR -> IndexedColors.ROSE;
            };
        }
    }
}
