package io.pilotcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.pilotcheck.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Several reports from one run, and the csv report read back with a CSV parser against the JSON report. */
class ReportFormatsTest {

    @TempDir
    Path tmp;

    @Test
    void oneRunWritesEachFormatToItsOwnFileAndTheCsvHoldsEveryFindingOfTheJson() throws IOException {
        Path json = tmp.resolve("report.json");
        Path csv = tmp.resolve("report.csv");
        CliTest.Run r = run("check", "fixtures/", "--lang", "en", "-f", "json", "-o", json.toString(), "-f", "csv", "-o", csv.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF); // so Excel reads UTF-8
        List<CSVRecord> rows = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();

        List<String> fromJson = new ArrayList<>();
        for (JsonNode d : new ObjectMapper().readTree(json.toFile()).get("dossiers")) {
            for (JsonNode f : d.get("findings")) {
                fromJson.add(String.join("|", d.get("file").asText(), f.get("line").asText(), f.get("column").asText(),
                        d.get("verdict").asText(), f.get("rule").asText(), f.get("severity").asText(),
                        f.get("clause").asText(), f.get("path").asText(), f.get("message").asText()));
            }
        }
        List<String> fromCsv = rows.stream().map(c -> String.join("|", c.get("file"), c.get("line"), c.get("column"),
                c.get("verdict"), c.get("rule"), c.get("severity"), c.get("clause"), c.get("path"), c.get("message"))).toList();
        assertThat(fromCsv).hasSize(94).containsExactlyElementsOf(fromJson);
        assertThat(rows.get(0).get("city")).isEqualTo("Wuhai");
        assertThat(rows).anySatisfy(c -> assertThat(c.get("clause")).isEqualTo("二（四）, annex")); // quoted comma
    }

    @Test
    void junitHasASuitePerDossierACasePerRuleAndEveryFindingAsFailureErrorOrOutput() throws Exception {
        Path json = tmp.resolve("report.json");
        Path xml = tmp.resolve("report.xml");
        CliTest.Run r = run("check", "fixtures/", "-f", "json", "-o", json.toString(), "-f", "junit", "-o", xml.toString());
        assertThat(r.code()).isEqualTo(1);
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        org.w3c.dom.NodeList suites = doc.getElementsByTagName("testsuite");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(suites.getLength()).isEqualTo(report.at("/summary/dossiers").asInt());
        for (int i = 0; i < suites.getLength(); i++) {
            org.w3c.dom.Element suite = (org.w3c.dom.Element) suites.item(i);
            JsonNode dossier = report.get("dossiers").get(i);
            assertThat(suite.getAttribute("name")).isEqualTo(dossier.get("file").asText());
            int violations = 0;
            int errors = 0;
            int below = 0;
            for (JsonNode f : dossier.get("findings")) {
                switch (f.get("severity").asText()) {
                    case "violation" -> violations++;
                    case "error" -> errors++;
                    default -> below++;
                }
            }
            assertThat(suite.getElementsByTagName("failure").getLength()).as(dossier.get("file").asText()).isEqualTo(violations);
            assertThat(suite.getElementsByTagName("error").getLength()).isEqualTo(errors);
            int outLines = 0;
            org.w3c.dom.NodeList outs = suite.getElementsByTagName("system-out");
            for (int k = 0; k < outs.getLength(); k++) {
                outLines += (int) outs.item(k).getTextContent().lines().count();
            }
            assertThat(outLines).isEqualTo(below);
            if (!dossier.get("verdict").asText().equals("error") || !dossier.get("file").asText().contains("/invalid/")) {
                assertThat(suite.getElementsByTagName("testcase").getLength()).isGreaterThanOrEqualTo(33);
            }
        }
        assertThat(doc.getDocumentElement().getAttribute("tests")).isNotEmpty();
    }

    @Test
    void formatsAndOutputsThatCannotBePairedAreExitTwo() {
        assertThat(run("check", "--lang", "en", "fixtures/", "-f", "json", "-f", "csv").err())
                .contains("2 reports would go to standard output");
        CliTest.Run extra = run("check", "--lang", "en", "fixtures/", "-o", tmp.resolve("a").toString(), "-o", tmp.resolve("b").toString());
        assertThat(extra.code()).isEqualTo(2);
        assertThat(extra.err()).contains("2 --output files for 1 --format");
        assertThat(run("check", "--lang", "en", "--watch", "-f", "csv", "fixtures/").err()).contains("write the csv report with --output FILE");
        CliTest.Run xlsx = run("check", "--lang", "en", "fixtures/", "-f", "xlsx");
        assertThat(xlsx.code()).isEqualTo(2);
        assertThat(xlsx.err()).contains("an xlsx workbook is binary; write it with --output FILE");
        assertThat(run("check", "fixtures/", "-f", "xlsx").err()).contains("xlsx 工作簿是二进制文件，请用 --output FILE 写出");
    }

    @Test
    void sarifIsValidAgainstTheSarif210SchemaAndHoldsEveryFindingOfTheJson() throws IOException {
        Path json = tmp.resolve("report.json");
        Path sarif = tmp.resolve("report.sarif");
        assertThat(run("check", "fixtures/", "-f", "json", "-o", json.toString(), "-f", "sarif", "-o", sarif.toString())
                .code()).isEqualTo(1);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode log = mapper.readTree(sarif.toFile());
        com.networknt.schema.JsonSchema schema;
        try (java.io.InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
                    .getSchema(in);
        }
        assertThat(schema.validate(log)).isEmpty();

        assertThat(log.get("runs")).hasSize(1);
        JsonNode run = log.at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        List<String> fromJson = new ArrayList<>();
        for (JsonNode d : mapper.readTree(json.toFile()).get("dossiers")) {
            for (JsonNode f : d.get("findings")) {
                fromJson.add(String.join("|", d.get("file").asText(), f.get("line").asText(), f.get("column").asText(),
                        f.get("rule").asText(), f.get("severity").asText(), f.get("message").asText()));
            }
        }
        List<String> fromSarif = new ArrayList<>();
        for (JsonNode r : run.get("results")) {
            JsonNode rule = rules.get(r.get("ruleIndex").asInt());
            assertThat(rule.get("id").asText()).isEqualTo(r.get("ruleId").asText());
            JsonNode where = r.at("/locations/0/physicalLocation");
            fromSarif.add(String.join("|", where.at("/artifactLocation/uri").asText(), where.at("/region/startLine").asText(),
                    where.at("/region/startColumn").asText(), r.get("ruleId").asText(), r.at("/properties/severity").asText(),
                    r.at("/message/text").asText()));
            String expectedLevel = switch (r.at("/properties/severity").asText()) {
                case "warning" -> "warning";
                case "pending" -> "note";
                default -> "error";
            };
            // the model leaves out a level equal to SARIF's default, "warning"
            assertThat(r.path("level").asText("warning")).isEqualTo(expectedLevel);
        }
        assertThat(fromSarif).hasSize(94).containsExactlyElementsOf(fromJson);
        JsonNode plan01 = null;
        for (JsonNode rule : rules) {
            if (rule.get("id").asText().equals("LCP-PLAN-01")) {
                plan01 = rule;
            }
        }
        assertThat(plan01).isNotNull();
        assertThat(plan01.at("/help/text").asText()).startsWith("通知条款 二（二）：").contains("低碳发展规划");

        // the schema check is real: a 0-based region is refused
        ((com.fasterxml.jackson.databind.node.ObjectNode) run.at("/results/0/locations/0/physicalLocation/region"))
                .put("startLine", 0);
        assertThat(schema.validate(log)).isNotEmpty();
    }

    /** The workbook's Chinese severity words back to the JSON report's ids. */
    private static final java.util.Map<String, String> SEVERITY_ID = java.util.Map.of(
            "违规", "violation", "警告", "warning", "待到期", "pending", "错误", "error");

    @Test
    void xlsxHasASummaryAPilotByRuleMatrixAndFilteredFindingsThatAgreeWithTheJson() throws Exception {
        Path json = tmp.resolve("report.json");
        Path xlsx = tmp.resolve("report.xlsx");
        assertThat(run("check", "fixtures/", "-f", "json", "-o", json.toString(), "-f", "xlsx", "-o", xlsx.toString())
                .code()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.toFile())) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(4);
            org.apache.poi.ss.usermodel.Sheet summary = wb.getSheet("汇总");
            java.util.Map<String, Double> counts = new java.util.HashMap<>();
            for (org.apache.poi.ss.usermodel.Row row : summary) {
                if (row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    counts.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                }
            }
            assertThat(counts.get("档案数")).isEqualTo(report.at("/summary/dossiers").asDouble());
            assertThat(counts.get("合规")).isEqualTo(report.at("/summary/compliant").asDouble());
            assertThat(counts.get("不合规")).isEqualTo(report.at("/summary/non_compliant").asDouble());
            assertThat(counts.get("无法检查")).isEqualTo(report.at("/summary/errors").asDouble());
            assertThat(counts.get("违规")).isEqualTo(report.at("/summary/findings/violation").asDouble());
            assertThat(counts.get("警告")).isEqualTo(report.at("/summary/findings/warning").asDouble());
            assertThat(counts.get("待到期")).isEqualTo(report.at("/summary/findings/pending").asDouble());
            assertThat(counts.get("错误")).isEqualTo(report.at("/summary/findings/error").asDouble());

            org.apache.poi.xssf.usermodel.XSSFSheet findings = wb.getSheet("发现");
            assertThat(findings.getCTWorksheet().isSetAutoFilter()).isTrue();
            List<String> fromXlsx = new ArrayList<>();
            for (int i = 1; i <= findings.getLastRowNum(); i++) {
                org.apache.poi.ss.usermodel.Row row = findings.getRow(i);
                fromXlsx.add(row.getCell(0).getStringCellValue() + "|" + (int) row.getCell(1).getNumericCellValue()
                        + "|" + row.getCell(6).getStringCellValue() + "|" + SEVERITY_ID.get(row.getCell(8).getStringCellValue()));
            }
            List<String> fromJson = new ArrayList<>();
            java.util.Map<String, java.util.Set<String>> violatedRulesByCity = new java.util.HashMap<>();
            for (JsonNode d : report.get("dossiers")) {
                for (JsonNode f : d.get("findings")) {
                    fromJson.add(d.get("file").asText() + "|" + f.get("line").asInt() + "|" + f.get("rule").asText()
                            + "|" + f.get("severity").asText());
                    if (f.get("severity").asText().equals("violation")) {
                        violatedRulesByCity.computeIfAbsent(d.get("city").asText(), k -> new java.util.TreeSet<>())
                                .add(f.get("rule").asText());
                    }
                }
            }
            assertThat(fromXlsx).containsExactlyElementsOf(fromJson);

            org.apache.poi.ss.usermodel.Sheet matrix = wb.getSheet("矩阵");
            assertThat(matrix.getLastRowNum()).isEqualTo(45);
            org.apache.poi.ss.usermodel.Row head = matrix.getRow(0);
            for (int r = 1; r <= 45; r++) {
                org.apache.poi.ss.usermodel.Row row = matrix.getRow(r);
                String city = row.getCell(2).getStringCellValue().replace(" *", "");
                java.util.Set<String> violated = new java.util.TreeSet<>();
                for (int c = 4; c < row.getLastCellNum(); c++) {
                    if (row.getCell(c).getStringCellValue().startsWith("违规")) {
                        violated.add(head.getCell(c).getStringCellValue());
                    }
                }
                assertThat(violated).as(city).isEqualTo(violatedRulesByCity.getOrDefault(city, java.util.Set.of()));
            }
        }
    }
}
