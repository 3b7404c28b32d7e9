package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.finding.Verdict;
import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.rules.RuleInfo;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check --format xlsx}: a workbook for reviewers who work in spreadsheets, in the run's
 * language. Four sheets: a summary (who made it, the evaluation dates, the counts with waived
 * findings apart), the 45 pilots × rules matrix coloured by outcome, the batch by province, and
 * every finding with filters on its header row (the CSV report's columns, the province beside
 * the city).
 */
public final class XlsxReport {

    private XlsxReport() {
    }

    /** The workbook's bytes. */
    public static byte[] render(BatchResult batch, List<RuleInfo> rules, PilotRegistry registry, RunInfo run,
                                Language lang) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            summary(wb.createSheet(word("xlsx.sheet.summary", lang)), batch, run, styles, lang);
            matrix(wb.createSheet(word("xlsx.sheet.matrix", lang)), PilotMatrix.of(batch, rules, registry), styles, lang);
            provinces(wb.createSheet(word("xlsx.sheet.provinces", lang)), ProvinceTable.of(batch, registry, lang), styles, lang);
            findings(wb.createSheet(word("xlsx.sheet.findings", lang)), batch, rules, styles, lang);
            for (Sheet sheet : wb) {
                printable(sheet, lang);
            }
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

    /**
     * Set up to print as a reviewer hands it on: A4 landscape, one page wide, the header row on
     * every page (the summary has none) and the page number in the footer.
     */
    private static void printable(Sheet sheet, Language lang) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setHorizontallyCenter(true);
        if (sheet.getWorkbook().getSheetIndex(sheet) > 0) {
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        }
        sheet.getFooter().setCenter(word("xlsx.footer", lang).replace("{page}", "&P")
                .replace("{pages}", "&N"));
        sheet.getHeader().setLeft(sheet.getSheetName());
    }

    private static void summary(Sheet sheet, BatchResult batch, RunInfo run, Styles styles, Language lang) {
        Map<Verdict, Integer> v = batch.verdicts();
        Map<Severity, Integer> s = batch.unwaived();
        ReportHeader h = run.header();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {word("xlsx.title", lang), h.title().isEmpty() ? word("html.title", lang) : h.title()});
        if (!h.organisation().isEmpty()) {
            rows.add(new Object[] {word("header.organisation", lang), h.organisation()});
        }
        rows.add(new Object[] {word("header.evaluated", lang), EvaluationDates.describe(batch, h, lang)});
        if (h.generated() != null) {
            rows.add(new Object[] {word("header.generated", lang), h.generated().toString()});
        }
        rows.add(new Object[] {"pilotcheck", run.toolVersion()});
        rows.add(new Object[] {word("xlsx.rules", lang), run.ruleCount()});
        rows.add(new Object[] {word("html.fingerprint", lang), run.rulesFingerprint()});
        rows.add(new Object[] {word("xlsx.dossiers", lang), batch.dossiers().size()});
        rows.add(new Object[] {word("html.compliant", lang), v.get(Verdict.COMPLIANT)});
        rows.add(new Object[] {word("html.non_compliant", lang), v.get(Verdict.NON_COMPLIANT)});
        rows.add(new Object[] {word("html.errors", lang), v.get(Verdict.ERROR)});
        for (Severity sev : new Severity[] {Severity.VIOLATION, Severity.WARNING, Severity.PENDING, Severity.ERROR}) {
            rows.add(new Object[] {ReportWords.severity(sev, lang), s.get(sev)});
        }
        rows.add(new Object[] {word("html.waived", lang), batch.waived()});
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(i);
            cell(row, 0, rows.get(i)[0].toString(), styles.header);
            if (rows.get(i)[1] instanceof Integer n) {
                row.createCell(1).setCellValue(n);
            } else {
                row.createCell(1).setCellValue(rows.get(i)[1].toString());
            }
        }
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 80 * 256);
    }

    private static void provinces(Sheet sheet, List<ProvinceTable.Line> lines, Styles styles, Language lang) {
        List<String> head = new ArrayList<>(List.of(word("html.province", lang), word("html.pilots", lang),
                word("html.dossiers", lang), word("html.compliant", lang), word("html.non_compliant", lang),
                word("html.errors", lang)));
        Severity[] severities = {Severity.VIOLATION, Severity.WARNING, Severity.PENDING, Severity.ERROR};
        for (Severity sev : severities) {
            head.add(ReportWords.severity(sev, lang));
        }
        head.add(word("html.waived", lang));
        Row top = sheet.createRow(0);
        for (int c = 0; c < head.size(); c++) {
            cell(top, c, head.get(c), styles.header);
        }
        int r = 1;
        for (ProvinceTable.Line line : lines) {
            Row x = sheet.createRow(r++);
            x.createCell(0).setCellValue(line.province());
            int c = 1;
            for (int n : new int[] {line.pilots(), line.dossiers(), line.verdicts().get(Verdict.COMPLIANT),
                line.verdicts().get(Verdict.NON_COMPLIANT), line.verdicts().get(Verdict.ERROR)}) {
                x.createCell(c++).setCellValue(n);
            }
            for (Severity sev : severities) {
                x.createCell(c++).setCellValue(line.severities().get(sev));
            }
            x.createCell(c).setCellValue(line.waived());
        }
        sheet.createFreezePane(1, 1);
        sheet.setColumnWidth(0, 16 * 256);
    }

    private static void matrix(Sheet sheet, PilotMatrix m, Styles styles, Language lang) {
        boolean en = lang == Language.EN;
        Row head = sheet.createRow(0);
        String[] fixed = {word("html.no", lang), word("html.province", lang), word("html.pilot", lang),
            word("html.dossiers", lang)};
        for (int c = 0; c < fixed.length; c++) {
            cell(head, c, fixed[c], styles.header);
        }
        org.apache.poi.ss.usermodel.Drawing<?> drawing = sheet.createDrawingPatriarch();
        org.apache.poi.ss.usermodel.CreationHelper factory = sheet.getWorkbook().getCreationHelper();
        for (int c = 0; c < m.rules().size(); c++) {
            cell(head, fixed.length + c, m.rules().get(c).id(), styles.header);
            // the rule's title where a reader points at its id
            org.apache.poi.ss.usermodel.ClientAnchor anchor = factory.createClientAnchor();
            anchor.setCol1(fixed.length + c);
            anchor.setCol2(fixed.length + c + 3);
            anchor.setRow1(0);
            anchor.setRow2(3);
            org.apache.poi.ss.usermodel.Comment comment = drawing.createCellComment(anchor);
            comment.setString(factory.createRichTextString(m.rules().get(c).title(lang)));
            head.getCell(fixed.length + c).setCellComment(comment);
        }
        int r = 1;
        for (PilotMatrix.Row row : m.rows()) {
            Row x = sheet.createRow(r++);
            x.createCell(0).setCellValue(row.pilot().number());
            x.createCell(1).setCellValue(row.pilot().province(lang));
            x.createCell(2).setCellValue(row.pilot().name(lang) + (row.pilot().starred() ? " *" : ""));
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

    /** The findings sheet's columns: the CSV report's, the province beside the city, in the reader's words. */
    private static final String[] COLUMNS = {"file", "line", "column", "province", "city", "verdict", "rule",
        "rule_title", "severity", "clause", "path", "message", "waived", "waiver_reason", "waiver_approver", "waiver_expires", "sheet"};

    private static void findings(Sheet sheet, BatchResult batch, List<RuleInfo> rules, Styles styles, Language lang) {
        Map<String, String> titles = new java.util.HashMap<>();
        rules.forEach(r -> titles.put(r.id(), r.title(lang)));
        Row head = sheet.createRow(0);
        for (int c = 0; c < COLUMNS.length; c++) {
            cell(head, c, word("xlsx.col." + COLUMNS[c], lang), styles.header);
        }
        String yes = word("xlsx.yes", lang);
        int r = 1;
        for (DossierResult d : batch.dossiers()) {
            String city = d.city(lang) == null ? word("xlsx.noCity", lang) : d.city(lang);
            String verdict = ReportWords.verdict(d.verdict(), lang);
            for (Finding f : d.findings()) {
                Row x = sheet.createRow(r++);
                boolean w = f.waived();
                List<Object> values = java.util.Arrays.asList(f.location().file(), f.location().line(),
                        f.location().column(), d.province(lang), city, verdict, f.ruleId(),
                        titles.getOrDefault(f.ruleId(), builtInTitle(f.ruleId(), lang)), ReportWords.severity(f.severity(), lang), ReportWords.clause(f.clause(), lang), f.path(), f.message().in(lang),
                        w ? yes : "", w ? f.waiver().reason() : "", w ? f.waiver().approver() : "",
                        w ? f.waiver().expires().toString() : "",
                        f.location().inSheet() ? f.location().sheet().name() : "");
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
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0, COLUMNS.length - 1));
        sheet.createFreezePane(0, 1);
        int[] widths = {28, 6, 6, 10, 14, 14, 14, 28, 10, 12, 36, 80, 8, 30, 20, 12, 12};
        for (int c = 0; c < COLUMNS.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static String builtInTitle(String id, Language lang) {
        io.pilotcheck.finding.Message title = io.pilotcheck.finding.BuiltInChecks.title(id);
        return title == null ? "" : title.in(lang);
    }

    private static String word(String key, Language lang) {
        return ReportWords.word(key, lang);
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
