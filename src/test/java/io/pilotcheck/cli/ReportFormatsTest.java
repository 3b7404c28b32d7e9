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
        assertThat(run("check", "fixtures/", "-f", "json", "-f", "csv").err())
                .contains("2 reports would go to standard output");
        CliTest.Run extra = run("check", "fixtures/", "-o", tmp.resolve("a").toString(), "-o", tmp.resolve("b").toString());
        assertThat(extra.code()).isEqualTo(2);
        assertThat(extra.err()).contains("2 --output files for 1 --format");
        assertThat(run("check", "--watch", "-f", "csv", "fixtures/").err()).contains("write the csv report with --output FILE");
    }
}
