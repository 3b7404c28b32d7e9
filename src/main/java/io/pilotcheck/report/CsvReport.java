package io.pilotcheck.report;

import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.finding.BatchTally;
import io.pilotcheck.finding.WaiverUse;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code --format csv}: one row per finding, for spreadsheets. UTF-8 with a byte-order mark and
 * Excel's quoting and line ends, because Excel reads a file without the mark as the local code
 * page and garbles the Chinese. Rows follow the report order (dossiers by file, then
 * {@link Finding#ORDER}); a dossier with no finding has no row, and its verdict is in the other
 * reports.
 */
public final class CsvReport {

    /** The columns, in order; later ones are added at the end, so a column keeps its place. */
    public static final String[] HEADER = {"file", "line", "column", "city", "verdict", "rule", "severity", "clause",
        "path", "message", "waived", "waiver_reason", "waiver_approver", "waiver_expires", "province", "sheet"};

    private CsvReport() {
    }

    /** One finding's row, in {@link #HEADER}'s order: numbers as Integer, the rest as text. */
    static List<Object> values(DossierResult d, Finding f, Language lang) {
        String city = d.city(lang);
        boolean w = f.waived();
        return java.util.Arrays.asList(text(f.location().file()), f.location().line(), f.location().column(), text(city),
                d.verdict().id(), f.ruleId(), f.severity().id(), f.clause(), text(f.path()), text(f.message().in(lang)),
                w ? "yes" : "", w ? text(f.waiver().reason()) : "", w ? text(f.waiver().approver()) : "",
                w ? f.waiver().expires().toString() : "", text(d.province(lang)),
                f.location().inSheet() ? text(f.location().sheet().name()) : "");
    }

    /**
     * A text cell as a spreadsheet will take it as text: one that begins with {@code = + - @},
     * a tab or a carriage return would be read by Excel as a formula (a file name such as
     * {@code =HYPERLINK(...).yaml} runs when the CSV is opened), so it gets a leading
     * apostrophe, as OWASP's advice on CSV injection has it.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /** The CSV text, starting with the byte-order mark. */
    public static String render(BatchResult batch, Language lang) {
        return Streamed.render(streamed(lang), batch);
    }

    /** The CSV written dossier by dossier: the mark and header, then each dossier's rows. */
    public static StreamedReport streamed(Language lang) {
        return new StreamedReport() {
            @Override
            public String fragment(DossierResult d) {
                StringWriter out = new StringWriter();
                try (CSVPrinter csv = CSVFormat.EXCEL.print(out)) {
                    for (Finding f : d.findings()) {
                        csv.printRecord(values(d, f, lang));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write CSV to memory", e);
                }
                return out.toString();
            }

            @Override
            public String before(BatchTally tally, List<WaiverUse> waivers) {
                StringWriter out = new StringWriter();
                out.write('\uFEFF');
                try (CSVPrinter csv = CSVFormat.EXCEL.print(out)) {
                    csv.printRecord((Object[]) HEADER);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write CSV to memory", e);
                }
                return out.toString();
            }

            @Override
            public String between() {
                return "";
            }

            @Override
            public String after(BatchTally tally, List<WaiverUse> waivers) {
                return "";
            }
        };
    }
}
