package io.pilotcheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.pilotcheck.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a batch says on stderr besides its report (issue 23 items 6, 7 and 9): two dossiers of one
 * city, a folder with no dossier, and a report written to a file.
 */
class BatchNoticesTest {

    private static final String DALIAN = "fixtures/03-dalian.yaml";

    @TempDir
    Path tmp;

    @Test
    void twoDossiersOfOneCityAreAWarningNamingBoth() throws IOException {
        Path copy = Files.copy(Path.of(DALIAN), tmp.resolve("dalian-q2.yaml"));
        CliTest.Run r = run("check", DALIAN, copy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("pilotcheck：警告：本批次中大连市有 2 个档案：")
                .contains(copy.toString()).contains(DALIAN);
        assertThat(run("check", "--lang", "en", DALIAN, copy.toString()).err())
                .contains("warning: 大连市 has 2 dossiers in this batch: ");
        // one dossier per city: no warning
        assertThat(run("check", DALIAN, "fixtures/08-jiaxing.yaml").err()).isEmpty();
    }

    @Test
    void aFolderWithNoDossierIsAnErrorAndNoReportIsWritten() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path docx = Files.createDirectories(tmp.resolve("word"));
        Files.writeString(docx.resolve("大连市.docx"), "not a dossier");
        Path report = tmp.resolve("report.html");
        CliTest.Run r = run("check", empty.toString(), "-f", "html", "-o", report.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("pilotcheck：" + empty + " 中未找到 .yaml/.yml 文件：未检查任何档案，未写出报告\n");
        assertThat(report).doesNotExist();
        assertThat(run("check", docx.toString()).code()).isEqualTo(2);
        assertThat(run("check", "--lang", "en", docx.toString()).err())
                .contains("no .yaml/.yml file found in " + docx);

        // beside a folder that has dossiers, an empty one is only a warning
        CliTest.Run mixed = run("check", empty.toString(), "fixtures/");
        assertThat(mixed.code()).isEqualTo(1);
        assertThat(mixed.err()).contains("pilotcheck：警告：" + empty + " 中未找到 .yaml/.yml 文件");
        assertThat(mixed.out()).contains("汇总：54 个档案");
    }

    @Test
    void aReportWrittenToAFileIsAnnouncedWithTheCounts() {
        Path html = tmp.resolve("report.html");
        CliTest.Run r = run("check", "fixtures/", "-f", "html", "-o", html.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        // the broken copies in fixtures/invalid/ name their cities, so those pilots have two dossiers each
        assertThat(r.err()).endsWith("\n已写出 " + html + "：54 个档案，不合规 26，错误 10\n")
                .contains("本批次中沈阳市有 2 个档案：fixtures/02-shenyang.yaml、fixtures/invalid/unknown-key.yaml");
        Path json = tmp.resolve("report.json");
        CliTest.Run en = run("check", "--lang", "en", "fixtures/", "-f", "json", "-o", json.toString(), "-f", "text");
        assertThat(en.err()).endsWith("\npilotcheck: wrote " + json + ": 54 dossiers, 26 non-compliant, 10 could not be checked\n");
        assertThat(en.out()).contains("summary: 54 dossiers");
    }
}
