package io.pilotcheck.report;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CSV report is opened in Excel: a cell that begins with {@code =}, {@code +}, {@code -} or
 * {@code @} is a formula there. A dossier's file name and its values reach the cells, so each
 * such cell is written as text (a leading apostrophe, as OWASP advises).
 */
class CsvInjectionTest {

    @Test
    void cellsThatExcelWouldRunAsFormulasAreWrittenAsText() {
        // an upload names its files as the sender likes
        byte[] yaml = "city: \"@SUM(1+1)\"\nprovince: \"-2+3\"\n".getBytes(StandardCharsets.UTF_8);
        io.pilotcheck.finding.BatchResult batch = io.pilotcheck.api.Check.runToEnd(io.pilotcheck.api.CheckRequest.of(
                io.pilotcheck.TestRules.book(), java.util.List.of(io.pilotcheck.dossier.DossierInput.bytes(
                        "=HYPERLINK(\"http-evil\",\"点此\").yaml", yaml))).withJobs(1)).batch();
        String csv = CsvReport.render(batch, io.pilotcheck.words.Language.EN);
        String row = csv.lines().skip(1).findFirst().orElseThrow();
        assertThat(row).startsWith("\"'=HYPERLINK(");
        for (String cell : row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String value = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
            assertThat(value).as("cell " + cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
            if (!value.matches("-?\\d+")) {
                assertThat(value).as("cell " + cell).doesNotStartWith("-");
            }
        }
        assertThat(CsvReport.text("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvReport.text("+86 10")).isEqualTo("'+86 10");
        assertThat(CsvReport.text("-x")).isEqualTo("'-x");
        assertThat(CsvReport.text("@x")).isEqualTo("'@x");
        assertThat(CsvReport.text("\tx")).isEqualTo("'\tx");
        assertThat(CsvReport.text("大连市")).isEqualTo("大连市");
    }
}
