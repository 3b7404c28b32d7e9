package io.pilotcheck.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pilotcheck.TestRules;
import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A dossier written as the city's workbook and read back (docs/spec/entry.md, "Round trip"):
 * for every bundled fixture the YAML the workbook gives checks to the same rules, severities and
 * verdict as the fixture, and each line of it is noted with the cell it came from.
 */
class WorkbookRoundTripTest {

    @Test
    void everyFixtureChecksTheSameThroughItsWorkbook() throws Exception {
        List<String> differ = new ArrayList<>();
        int n = 0;
        try (var files = Files.list(Path.of("fixtures"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String yaml = Files.readString(f);
                byte[] xlsx = DossierWorkbook.write(new ObjectMapper(new YAMLFactory()).readTree(yaml));
                WorkbookReader.Read read = WorkbookReader.read(xlsx);
                String before = summary(check(f.getFileName().toString(), yaml));
                String after = summary(check(f.getFileName().toString(), read.yaml()));
                if (!before.equals(after)) {
                    differ.add(f + ":\n  yaml     " + before + "\n  workbook " + after + "\n" + read.yaml());
                }
                assertThat(read.cells()).as(f.toString()).hasSize((int) read.yaml().lines().count());
                n++;
            }
        }
        assertThat(n).isEqualTo(45);
        assertThat(differ).as("fixtures whose workbook checks otherwise").isEmpty();
    }

    @Test
    void eachLineNamesItsCell() throws Exception {
        String yaml = Files.readString(Path.of("fixtures/03-dalian.yaml"));
        WorkbookReader.Read read = WorkbookReader.read(DossierWorkbook.write(new ObjectMapper(new YAMLFactory()).readTree(yaml)));
        List<String> lines = read.yaml().lines().toList();
        int adopted = lines.indexOf("  adopted: 2018-02-01") + 1;
        assertThat(adopted).isPositive();
        assertThat(read.cells().get(adopted).toString()).matches("低碳规划!B\\d+");
        assertThat(read.yaml()).contains("city: \"大连市\"", "levers: [industrial_structure, energy_structure, energy_conservation, carbon_sinks]",
                "  - focus: 1\n    status: achieved\n");
    }

    @Test
    void anotherWorkbookIsNotATemplate() {
        byte[] other = io.pilotcheck.report.TableXlsx.render("Sheet1", List.of("a"), List.of(List.of("1")));
        assertThatThrownBy(() -> WorkbookReader.read(other)).isInstanceOf(WorkbookReader.NotATemplate.class);
        assertThatThrownBy(() -> WorkbookReader.read("not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WorkbookReader.NotATemplate.class);
    }

    private static DossierResult check(String name, String yaml) {
        return Check.runToEnd(CheckRequest.of(TestRules.book(), List.of(DossierInput.bytes(name, yaml.getBytes(StandardCharsets.UTF_8)))))
                .batch().dossiers().get(0);
    }

    private static String summary(DossierResult d) {
        List<String> f = new ArrayList<>();
        for (Finding x : d.findings()) {
            f.add(x.ruleId() + "/" + x.severity().id());
        }
        java.util.Collections.sort(f);
        return d.verdict().id() + " " + f;
    }

}
