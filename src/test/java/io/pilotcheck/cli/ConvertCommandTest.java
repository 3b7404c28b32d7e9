package io.pilotcheck.cli;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pilotcheck convert} and {@code init --format xlsx} (docs/spec/entry.md). */
class ConvertCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aDossierGoesToItsWorkbookAndBackCheckingTheSame() throws Exception {
        Path xlsx = tmp.resolve("大连市.xlsx");
        Path yaml = tmp.resolve("大连市.yaml");
        CliTest.Run to = CliTest.run("convert", "fixtures/03-dalian.yaml", "-o", xlsx.toString());
        assertThat(to.code()).as(to.err()).isZero();
        assertThat(to.err()).contains("已把 fixtures/03-dalian.yaml 转换为");
        CliTest.Run back = CliTest.run("convert", xlsx.toString(), "-o", yaml.toString());
        assertThat(back.code()).as(back.err()).isZero();
        String original = CliTest.run("check", "-f", "text", "fixtures/03-dalian.yaml").out();
        String converted = CliTest.run("check", "-f", "text", yaml.toString()).out();
        assertThat(rules(converted)).isEqualTo(rules(original)).contains("LCP-STAR-01", "LCP-PLAN-01");
        assertThat(CliTest.run("convert", xlsx.toString(), "-o", yaml.toString()).code()).as("kept: exists").isEqualTo(2);
        // checked and explained as it is, at its cells
        CliTest.Run checked = CliTest.run("check", "-f", "text", xlsx.toString());
        assertThat(checked.out()).contains(xlsx + ": 低碳规划!B2: violation LCP-PLAN-01");
        CliTest.Run explained = CliTest.run("explain", "--finding", xlsx.toString(), "LCP-PLAN-01");
        assertThat(explained.code()).as(explained.err()).isZero();
        assertThat(explained.out()).contains("low_carbon_plan.adopted = 2018-02-01", xlsx + ": 低碳规划!B2");
        assertThat(CliTest.run("convert", "fixtures/03-dalian.yaml", "-o", tmp.resolve("x.txt").toString(), "--lang", "en").err())
                .contains("is neither");
    }

    @Test
    void aTemplateFilledByAScriptChecksAsTheSameYaml() throws Exception {
        Path xlsx = tmp.resolve("dalian.xlsx");
        CliTest.Run init = CliTest.run("init", "--format", "xlsx", "大连市", "-o", xlsx.toString(), "--as-of", "2020-06-30");
        assertThat(init.code()).as(init.err()).isZero();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet basics = wb.getSheet("基本信息");
            assertThat(value(basics, "city").getStringCellValue()).isEqualTo("大连市");
            assertThat(value(basics, "city").getCellStyle().getLocked()).isTrue();
            // what a city's script would do: fill the plan's date and a yes/no
            value(wb.getSheet("低碳规划"), "low_carbon_plan.adopted").setCellValue(java.time.LocalDate.of(2018, 2, 1));
            value(wb.getSheet("低碳规划"), "low_carbon_plan.in_development_plan").setCellValue("是");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
        }
        Path yaml = tmp.resolve("dalian.yaml");
        assertThat(CliTest.run("convert", xlsx.toString(), "-o", yaml.toString()).code()).isZero();
        String text = Files.readString(yaml);
        assertThat(text).contains("  adopted: 2018-02-01", "  in_development_plan: true", "city: \"大连市\"");
        CliTest.Run checked = CliTest.run("check", "-f", "text", "--as-of", "2020-06-30", yaml.toString());
        assertThat(checked.out()).contains("LCP-PLAN-01").contains("大连市");
    }

    private static java.util.Set<String> rules(String report) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(LCP-[A-Z]+-\\d+)").matcher(report);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Cell value(Sheet sheet, String key) {
        for (Row r : sheet) {
            Cell k = r.getCell(4);
            if (k != null && key.equals(k.getStringCellValue())) {
                return r.getCell(1) != null ? r.getCell(1) : r.createCell(1);
            }
        }
        throw new AssertionError(key);
    }
}
