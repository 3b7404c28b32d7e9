package io.pilotcheck.hostile;

import io.pilotcheck.TestRules;
import io.pilotcheck.check.BatchCheck;
import io.pilotcheck.finding.BatchResult;
import io.pilotcheck.files.DossierFiles;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.words.Language;
import io.pilotcheck.report.JsonReport;
import io.pilotcheck.report.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.pilotcheck.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Same inputs, same bytes: on a second run, in any order of files, and on several threads. */
class DeterminismTest {

    private static final String[] INPUTS = {"fixtures/", HostileSuite.HOSTILE.toString()};

    @TempDir
    Path tmp;

    private byte[] report(String name, String format, List<String> paths) throws Exception {
        Path out = tmp.resolve(name + "." + format);
        List<String> args = new ArrayList<>(List.of("check", "--as-of", "2021-01-01", "-f", format, "-o", out.toString()));
        args.addAll(paths);
        assertThat(run(args.toArray(String[]::new)).code()).isEqualTo(1);
        return Files.readAllBytes(out);
    }

    @Test
    void everyFormatGivesTheSameBytesOnASecondRun() throws Exception {
        List<String> formats = List.of("text", "json", "csv", "junit", "sarif", "html", "xlsx");
        Map<String, byte[]> first = new LinkedHashMap<>();
        for (String format : formats) {
            first.put(format, report("first", format, List.of(INPUTS)));
        }
        Thread.sleep(1100); // a second later, so a clock read into any report would show
        for (String format : formats) {
            assertThat(report("second", format, List.of(INPUTS))).as(format).isEqualTo(first.get(format));
        }
    }

    @Test
    void theOrderTheFilesAreNamedInChangesNothing() throws Exception {
        byte[] byFolder = report("folders", "json", List.of(INPUTS));
        List<String> files = new ArrayList<>(DossierFiles.list(List.of(INPUTS)).files().keySet());
        Collections.reverse(files);
        assertThat(report("reversed", "json", files)).isEqualTo(byFolder);
        for (long seed = 1; seed <= 3; seed++) {
            Collections.shuffle(files, new Random(seed));
            assertThat(report("shuffled" + seed, "json", files)).as("order %d", seed).isEqualTo(byFolder);
        }
    }

    @Test
    void everyJobsCountGivesTheSameBytes() throws Exception {
        for (String format : List.of("json", "text", "csv", "sarif")) {
            byte[] one = report("jobs1", format, List.of("--jobs", "1", INPUTS[0], INPUTS[1]));
            for (String jobs : List.of("2", "3", "8")) {
                assertThat(report("jobs" + jobs, format, List.of("--jobs", jobs, INPUTS[0], INPUTS[1])))
                        .as("%s with --jobs %s", format, jobs).isEqualTo(one);
            }
        }
    }

    @Test
    void oneCompiledRuleBookCheckingOnFourThreadsGivesWhatOneThreadGives() throws Exception {
        Map<String, Path> files = DossierFiles.list(List.of(INPUTS)).files();
        LocalDate asOf = LocalDate.of(2021, 1, 1);
        RunInfo info = new RunInfo("test", asOf.toString(), 0, "");
        String oneThread = JsonReport.render(new BatchCheck(TestRules.book()).run(files, asOf, asOf), info, Language.ZH);

        List<Map<String, Path>> shares = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            shares.add(new LinkedHashMap<>());
        }
        int i = 0;
        for (Map.Entry<String, Path> f : files.entrySet()) {
            shares.get(i++ % 4).put(f.getKey(), f.getValue());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BatchResult>> parts = new ArrayList<>();
            for (Map<String, Path> share : shares) {
                parts.add(pool.submit(() -> new BatchCheck(TestRules.book()).run(share, asOf, asOf)));
            }
            List<DossierResult> all = new ArrayList<>();
            for (Future<BatchResult> part : parts) {
                all.addAll(part.get().dossiers());
            }
            assertThat(JsonReport.render(new BatchResult(all), info, Language.ZH)).isEqualTo(oneThread);
        } finally {
            pool.shutdown();
        }
    }
}
