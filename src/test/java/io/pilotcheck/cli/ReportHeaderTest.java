package io.pilotcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.pilotcheck.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reports reviewers hand on say of themselves (issue 23 items 5, 8 and 10): the
 * evaluation dates actually used and the generation date, each labelled; who made the report;
 * the workbook in the reader's language with the province named and a sheet per province.
 */
class ReportHeaderTest {

    private static final String JIAXING = "fixtures/08-jiaxing.yaml";
    private static final String DALIAN = "fixtures/03-dalian.yaml";

    @TempDir
    Path tmp;

    private Document html(String... args) throws IOException {
        Path out = tmp.resolve("r.html");
        List<String> all = new ArrayList<>(List.of("check", "-f", "html", "-o", out.toString()));
        all.addAll(List.of(args));
        assertThat(run(all.toArray(String[]::new)).code()).isLessThan(2);
        return Jsoup.parse(out.toFile(), "UTF-8");
    }

    private XSSFWorkbook xlsx(String... args) throws Exception {
        Path out = tmp.resolve("r.xlsx");
        List<String> all = new ArrayList<>(List.of("check", "-f", "xlsx", "-o", out.toString()));
        all.addAll(List.of(args));
        assertThat(run(all.toArray(String[]::new)).code()).isLessThan(2);
        return new XSSFWorkbook(out.toFile());
    }

    private static String summaryValue(Sheet summary, String label) {
        for (Row r : summary) {
            if (r.getCell(0).getStringCellValue().equals(label)) {
                return r.getCell(1).toString();
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void theHeaderGivesTheEvaluationDatesUsedAndTheGenerationDateEachLabelled() throws Exception {
        String today = LocalDate.now().toString();
        Document own = html(JIAXING, DALIAN);
        assertThat(own.getElementById("as-of").text()).isEqualTo("2020-06-30（按各档案填写的截至日期）");
        assertThat(own.getElementById("generated").text()).isEqualTo(today);
        assertThat(own.select("header .run").text()).contains("评估日期: 2020-06-30").contains("生成日期: " + today);

        assertThat(html(JIAXING, "fixtures/").getElementById("as-of").text())
                .isEqualTo("按各档案填写的截至日期，2017-01-20 至 2021-06-30");
        assertThat(html("--as-of", "2019-01-01", JIAXING).getElementById("as-of").text())
                .isEqualTo("2019-01-01（由 --as-of 指定）");
        assertThat(html("--lang", "en", JIAXING).getElementById("as-of").text())
                .isEqualTo("2020-06-30 (the dossiers' own as_of)");

        try (XSSFWorkbook wb = xlsx(JIAXING, DALIAN)) {
            Sheet summary = wb.getSheet("汇总");
            assertThat(summaryValue(summary, "评估日期")).isEqualTo("2020-06-30（按各档案填写的截至日期）");
            assertThat(summaryValue(summary, "生成日期")).isEqualTo(today);
        }
    }

    @Test
    void aTitleAndOrganisationAppearInTheHtmlTheWorkbookAndTheJsonReport() throws Exception {
        String[] who = {"--title", "2020 年二季度审查", "--organisation", "湖南省发展改革委 气候处", JIAXING};
        Document page = html(who);
        assertThat(page.select("header h1").text()).isEqualTo("2020 年二季度审查");
        assertThat(page.getElementById("organisation").text()).isEqualTo("湖南省发展改革委 气候处");
        assertThat(page.title()).contains("湖南省发展改革委 气候处");
        try (XSSFWorkbook wb = xlsx(who)) {
            assertThat(summaryValue(wb.getSheet("汇总"), "标题")).isEqualTo("2020 年二季度审查");
            assertThat(summaryValue(wb.getSheet("汇总"), "制作单位")).isEqualTo("湖南省发展改革委 气候处");
        }
        List<String> args = new ArrayList<>(List.of("check", "-f", "json"));
        args.addAll(List.of(who));
        JsonNode json = new ObjectMapper().readTree(run(args.toArray(String[]::new)).out());
        assertThat(json.at("/report/title").asText()).isEqualTo("2020 年二季度审查");
        assertThat(json.at("/report/organisation").asText()).isEqualTo("湖南省发展改革委 气候处");
        // untitled, the JSON report keeps the contract's keys only
        assertThat(new ObjectMapper().readTree(run("check", "-f", "json", JIAXING).out()).has("report")).isFalse();
    }

    @Test
    void theWorkbookIsInTheRunsLanguageNamesTheProvinceAndHasASheetPerProvince() throws Exception {
        try (XSSFWorkbook wb = xlsx(DALIAN)) {
            assertThat(wb.getSheetAt(2).getSheetName()).isEqualTo("按省份");
            Sheet findings = wb.getSheet("发现");
            List<String> head = new ArrayList<>();
            findings.getRow(0).forEach(c -> head.add(c.getStringCellValue()));
            assertThat(head).startsWith("文件", "行", "列", "省份", "城市", "结论", "规则", "规则名称", "级别");
            Row first = findings.getRow(1);
            assertThat(first.getCell(head.indexOf("省份")).getStringCellValue()).isEqualTo("辽宁");
            assertThat(first.getCell(head.indexOf("结论")).getStringCellValue()).isEqualTo("不合规");
            assertThat(first.getCell(head.indexOf("级别")).getStringCellValue()).isEqualTo("违规");
            Sheet provinces = wb.getSheet("按省份");
            Row liaoning = null;
            for (Row r : provinces) {
                if (r.getCell(0).getStringCellValue().equals("辽宁")) {
                    liaoning = r;
                }
            }
            assertThat(liaoning).isNotNull();
            assertThat(liaoning.getCell(2).getNumericCellValue()).isEqualTo(1.0); // one dossier
            assertThat(liaoning.getCell(4).getNumericCellValue()).isEqualTo(1.0); // non-compliant
        }
        try (XSSFWorkbook wb = xlsx("--lang", "en", DALIAN)) {
            assertThat(wb.getSheet("Provinces")).isNotNull();
            assertThat(wb.getSheet("Findings").getRow(0).getCell(3).getStringCellValue()).isEqualTo("province");
        }
        JsonNode json = new ObjectMapper().readTree(run("check", "-f", "json", DALIAN).out());
        assertThat(json.at("/dossiers/0/province").asText()).isEqualTo("辽宁");
        String csv = run("check", "-f", "csv", DALIAN).out();
        // columns are added at the end: the province, then the workbook's sheet (empty for YAML)
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",province,sheet");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).endsWith(",辽宁,");
    }
}
