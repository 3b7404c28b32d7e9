package io.pilotcheck.api;

import io.pilotcheck.TestRules;
import io.pilotcheck.finding.BatchTally;
import io.pilotcheck.cli.CliTest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.report.ReportContext;
import io.pilotcheck.report.ReportFormat;
import io.pilotcheck.report.ReportFormats;
import io.pilotcheck.rules.RuleBook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The check API as a web service will call it: dossiers held in memory, named as the caller
 * names them, checked with no file of theirs on disk, give the same report as {@code check} on
 * the same files.
 */
class CheckApiTest {

    /** Every fixture's bytes, named as {@code check fixtures/} names the files. */
    private static List<DossierInput> fixturesInMemory() throws IOException {
        List<DossierInput> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("fixtures"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                inputs.add(DossierInput.bytes(p.toString().replace('\\', '/'), Files.readAllBytes(p)));
            }
        }
        return inputs;
    }

    private static ReportContext context(RuleBook book, Language lang) {
        return Check.reportContext(book, LocalDate.now(), lang, Severity.VIOLATION);
    }

    @Test
    void dossiersInMemoryGiveTheJsonReportCheckGivesForTheFiles() throws Exception {
        RuleBook book = TestRules.book();
        CheckOutcome outcome = Check.run(CheckRequest.of(book, fixturesInMemory()));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ReportFormats.find("json").orElseThrow().write(outcome.batch(), context(book, Language.ZH), json);

        CliTest.Run cli = CliTest.run("check", "-f", "json", "fixtures/");
        assertThat(cli.code()).isEqualTo(1);
        assertThat(json.toString(StandardCharsets.UTF_8)).isEqualTo(cli.out());
        assertThat(outcome.batch().dossiers()).hasSize(54);
        assertThat(outcome.fails(Severity.VIOLATION)).isTrue();
    }

    @Test
    void aNameIsTheCallersOwnAndNoFileIsRead() throws Exception {
        byte[] dalian = Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
        CheckOutcome outcome = Check.run(CheckRequest.of(TestRules.book(),
                List.of(DossierInput.bytes("a/b.yaml", dalian), DossierInput.bytes("a/c.yaml", "city: 大连".getBytes(StandardCharsets.UTF_8)))));
        assertThat(outcome.batch().dossiers()).extracting(d -> d.file()).containsExactly("a/b.yaml", "a/c.yaml");
        assertThat(outcome.batch().dossiers().get(0).findings()).allSatisfy(f -> assertThat(f.location().file()).isEqualTo("a/b.yaml"));
        assertThat(outcome.batch().dossiers().get(1).findings()).extracting(f -> f.ruleId()).containsExactly("LCP-REG-01");
    }

    @Test
    void streamedReportsGiveTheSameBytesAsTheWholeBatch() throws Exception {
        RuleBook book = TestRules.book();
        for (String name : List.of("text", "json", "csv")) {
            ReportFormat format = ReportFormats.find(name).orElseThrow();
            ReportContext context = context(book, Language.EN);
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            format.write(Check.run(CheckRequest.of(book, fixturesInMemory())).batch(), context, whole);
            StringWriter streamed = new StringWriter();
            try (StreamedOutcome outcome = Check.stream(CheckRequest.of(book, fixturesInMemory()).withJobs(2),
                    List.of(format.streamed(context)))) {
                outcome.writeTo(0, streamed, null);
                BatchTally tally = outcome.tally();
                assertThat(tally.dossiers()).isEqualTo(54);
            }
            assertThat(streamed.toString()).as(name).isEqualTo(whole.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anInputOverTheSizeLimitIsAnErrorNotARead() throws Exception {
        byte[] big = new byte[2048];
        java.util.Arrays.fill(big, (byte) '#');
        CheckOutcome outcome = Check.run(CheckRequest.of(TestRules.book(), List.of(DossierInput.bytes("big.yaml", big)))
                .withLimits(new io.pilotcheck.dossier.LoadLimits(1024, 64)));
        assertThat(outcome.batch().dossiers().get(0).findings()).singleElement()
                .satisfies(f -> assertThat(f.ruleId()).isEqualTo("LCP-SCHEMA-09"))
                .satisfies(f -> assertThat(f.message().en()).contains("over the 1 KiB limit"));
    }

    @Test
    void aStopSignalEndsTheCheckWithoutAPartialBatch() throws Exception {
        List<DossierInput> inputs = fixturesInMemory();
        assertThatThrownBy(() -> Check.run(CheckRequest.of(TestRules.book(), inputs).withStop(() -> true)))
                .isInstanceOf(io.pilotcheck.api.CheckStopped.class);
    }

    @Test
    void everyFormatIsFoundByName() {
        assertThat(ReportFormats.names()).containsExactly("text", "json", "csv", "junit", "sarif", "xlsx", "html");
        assertThat(ReportFormats.names()).allSatisfy(n -> assertThat(ReportFormats.find(n).orElseThrow().name()).isEqualTo(n));
        assertThat(ReportFormats.find("xlsx").orElseThrow().binary()).isTrue();
        assertThat(ReportFormats.find("pdf")).isEmpty();
    }
}
