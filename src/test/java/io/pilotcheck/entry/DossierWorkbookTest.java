package io.pilotcheck.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's workbook (docs/spec/entry.md): its layout holds every key of the dossier format
 * once, and a dossier written as a workbook has each value in its section's sheet, of its kind.
 */
class DossierWorkbookTest {

    @Test
    void theLayoutHoldsEveryKeyOfTheFormatOnce() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Path.of("docs/dossier.schema.json").toFile());
        TreeSet<String> format = new TreeSet<>();
        keys(schema, "", format);
        List<String> laidOut = new ArrayList<>();
        for (EntryLayout.Section s : EntryLayout.sections()) {
            for (EntryLayout.Item i : s.items()) {
                if (i.kind() == EntryLayout.Kind.table) {
                    i.columns().forEach(c -> laidOut.add(i.key() + "." + c.key()));
                } else {
                    laidOut.add(i.key());
                }
            }
        }
        assertThat(laidOut).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(laidOut)).isEqualTo(format);
        assertThat(EntryLayout.sections()).extracting(EntryLayout.Section::name)
                .containsExactly("基本信息", "峰值目标", "实施方案", "低碳规划", "目标考核", "温室气体清单", "统计核算", "创新举措", "年度报告");
    }

    /** The leaf keys of the schema, dotted; an array of objects by its items' keys. */
    private static void keys(JsonNode node, String prefix, TreeSet<String> out) {
        Iterator<Map.Entry<String, JsonNode>> props = node.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> p = props.next();
            JsonNode v = p.getValue();
            String key = prefix + p.getKey();
            if (v.has("properties")) {
                keys(v, key + ".", out);
            } else if (v.path("items").has("properties")) {
                keys(v.path("items"), key + ".", out);
            } else {
                out.add(key);
            }
        }
    }

    @Test
    void eachValueLandsInItsSheetOfItsKind() throws Exception {
        JsonNode dalian = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("fixtures/03-dalian.yaml")));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(DossierWorkbook.write(dalian)))) {
            assertThat(value(wb.getSheet("基本信息"), "city").getStringCellValue()).isEqualTo("大连市");
            assertThat(value(wb.getSheet("基本信息"), "city").getCellStyle().getLocked()).as("the annex's facts are locked").isTrue();
            assertThat(value(wb.getSheet("基本信息"), "as_of").getCellStyle().getLocked()).isFalse();
            Cell adopted = value(wb.getSheet("低碳规划"), "low_carbon_plan.adopted");
            assertThat(adopted.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(adopted.getLocalDateTimeCellValue().toLocalDate()).hasToString("2018-02-01");
            assertThat(value(wb.getSheet("低碳规划"), "low_carbon_plan.in_development_plan").getStringCellValue()).isEqualTo("是");
            assertThat(value(wb.getSheet("低碳规划"), "low_carbon_plan.levers=carbon_sinks").getStringCellValue()).isEqualTo("是");
            assertThat(value(wb.getSheet("峰值目标"), "peak_target_year").getNumericCellValue()).isEqualTo(2025);
            Row first = row(wb.getSheet("创新举措"), "innovations[0]");
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("已完成");
            assertThat(row(wb.getSheet("创新举措"), "innovations[3]").getCell(0).getCellType()).as("a spare row").isEqualTo(CellType.BLANK);
            assertThat(wb.getSheet("基本信息").getProtect()).isTrue();
            assertThat(wb.getSheet("基本信息").isColumnHidden(DossierWorkbook.KEY_COLUMN)).isTrue();
        }
        // every fixture makes a workbook
        try (var files = Files.list(Path.of("fixtures"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                JsonNode d = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(f));
                assertThat(DossierWorkbook.write(d)).as(f.toString()).isNotEmpty();
            }
        }
    }

    private static Row row(Sheet sheet, String key) {
        for (Row r : sheet) {
            Cell k = r.getCell(DossierWorkbook.KEY_COLUMN);
            if (k != null && key.equals(k.getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + key + " in " + sheet.getSheetName());
    }

    private static Cell value(Sheet sheet, String key) {
        return row(sheet, key).getCell(1);
    }
}
