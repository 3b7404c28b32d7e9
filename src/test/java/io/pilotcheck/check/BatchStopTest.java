package io.pilotcheck.check;

import io.pilotcheck.TestRules;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleBookLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch stopped (Ctrl-C) closed its engine sessions right after telling its workers to stop,
 * while they were still running rules in them. Now it waits for them: when {@code run} returns,
 * no worker is left running, and each stops after the dossier in hand, not after its chunk.
 */
class BatchStopTest {

    @TempDir
    Path tmp;

    /**
     * The workers, but for {@code earlier} (another test's in this JVM, still ending), still inside a
     * rule of the check. A pool counts as terminated once its workers have left their loop, a
     * moment before their threads end; a thread in that moment runs no rule, and is not counted.
     */
    private static long workersAlive(java.util.Set<Thread> earlier) {
        return workers().stream().filter(t -> !earlier.contains(t))
                .filter(t -> java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("rules.")
                        || f.getClassName().startsWith("org.drools."))).count();
    }

    private static java.util.Set<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("pilotcheck-check") && t.isAlive()).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aStoppedBatchReturnsOnlyOnceItsWorkersHaveStopped() throws Exception {
        Path rules = TestRules.copyRules(tmp);
        // every dossier takes a fifth of a second in this rule
        Files.writeString(rules.resolve("slow.drl"), """
                package rules;
                import io.pilotcheck.dossier.Dossier;
                rule "LCP-SLOW-01 a slow rule"
                    @id("LCP-SLOW-01")
                    @severity("violation")
                    @clause("一")
                    @title_zh("慢规则")
                    @title_en("A slow rule")
                    @notice("以实现碳排放峰值目标")
                    @message_zh("不会出现")
                    @message_en("never shown")
                when
                    $d : Dossier()
                then
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
                end
                """, StandardCharsets.UTF_8);
        RuleBook book = RuleBookLoader.load(rules);
        byte[] dalian = Files.readAllBytes(Path.of("fixtures/03-dalian.yaml"));
        List<DossierInput> inputs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            inputs.add(DossierInput.bytes(i + ".yaml", dalian));
        }
        AtomicInteger results = new AtomicInteger();
        java.util.Set<Thread> earlier = workers();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new BatchCheck(book, LoadLimits.DEFAULT).run(inputs.iterator(), inputs.size(),
                LocalDate.of(2020, 6, 30), LocalDate.of(2020, 6, 30), 2, done -> results.set(done), () -> results.get() >= 1))
                .isInstanceOf(BatchCheck.Stopped.class);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(workersAlive(earlier)).as("workers still running rules once run returned").isZero();
        // a chunk of dossiers at a fifth of a second each would take seconds to run out
        assertThat(millis).as("ms to stop").isLessThan(10_000);
    }
}
