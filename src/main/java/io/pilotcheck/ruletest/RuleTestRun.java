package io.pilotcheck.ruletest;

import io.pilotcheck.finding.BuiltInChecks;
import io.pilotcheck.api.Check;
import io.pilotcheck.api.CheckRequest;
import io.pilotcheck.dossier.DossierInput;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleInfo;
import io.pilotcheck.source.RuleInputException;
import io.pilotcheck.source.RuleInputException.Problem;
import io.pilotcheck.source.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs the rule test files of a folder (or one file) against a rule book.
 *
 * <p>Test files are the {@code *.yaml} and {@code *.yml} files under the folder, except those in
 * a {@code dossiers/} folder: that is where dossiers shared by several test files live.
 */
public final class RuleTestRun {

    /** Where shared test dossiers live, under the test folder; not read as test files. */
    public static final String DOSSIERS = "dossiers";

    private RuleTestRun() {
    }

    /** Every case's outcome, by test file in name order. */
    public record Result(Map<String, List<CaseOutcome>> byFile, Coverage coverage) {

        /** All outcomes in file order. */
        public List<CaseOutcome> outcomes() {
            return byFile.values().stream().flatMap(List::stream).toList();
        }

        /** How many cases failed. */
        public long failed() {
            return outcomes().stream().filter(o -> !o.passed()).count();
        }
    }

    /**
     * Reads every test file, then runs every case; reading problems stop the run before any case
     * runs, all reported at once.
     *
     * @param today the date for dossiers with no {@code as_of} whose case gives none either
     */
    public static Result run(RuleBook book, Path dirOrFile, LocalDate today) throws RuleInputException {
        Set<String> known = new TreeSet<>(BuiltInChecks.ids());
        book.rules().forEach(r -> known.add(r.id()));
        List<Problem> problems = new ArrayList<>();
        Map<String, List<RuleCase>> cases = new LinkedHashMap<>();
        for (Path file : testFiles(dirOrFile)) {
            String display = file.toString().replace('\\', '/');
            cases.put(display, RuleCaseFile.read(file, display, known, problems));
        }
        if (!problems.isEmpty()) {
            throw new RuleInputException(problems.stream().sorted(java.util.Comparator.comparing(Problem::location)).toList());
        }
        if (cases.isEmpty()) {
            throw new RuleInputException(SourceLocation.startOf(dirOrFile.toString()),
                    "no rule test files (*.yaml) in " + dirOrFile);
        }
        Map<String, List<CaseOutcome>> out = new LinkedHashMap<>();
        cases.forEach((file, list) -> out.put(file, list.stream().map(c -> c.brokenEdit() != null
                ? new CaseOutcome(c, List.of()) : new CaseOutcome(c, findings(book, c, today))).toList()));
        return new Result(out, Coverage.of(book.rules().stream().map(RuleInfo::id).toList(),
                out.values().stream().flatMap(List::stream).toList()));
    }

    /** A case's findings, its dossier checked through the check API as {@code check} checks a file. */
    private static List<io.pilotcheck.finding.Finding> findings(RuleBook book, RuleCase c, LocalDate today) {
        DossierInput dossier = DossierInput.bytes(c.dossier().name(),
                c.dossier().text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Check.runToEnd(CheckRequest.of(book, List.of(dossier)).withAsOf(c.asOf()).withToday(today).withJobs(1))
                .checked().dossiers().get(0).findings();
    }

    private static List<Path> testFiles(Path dirOrFile) throws RuleInputException {
        if (Files.isRegularFile(dirOrFile)) {
            return List.of(dirOrFile);
        }
        if (!Files.isDirectory(dirOrFile)) {
            throw new RuleInputException(SourceLocation.startOf(dirOrFile.toString()),
                    "no such rule test folder or file: " + dirOrFile);
        }
        try (Stream<Path> walk = Files.walk(dirOrFile)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !dirOrFile.relativize(p).startsWith(DOSSIERS))
                    .sorted().toList();
        } catch (IOException e) {
            throw new RuleInputException(SourceLocation.startOf(dirOrFile.toString()), "cannot list " + dirOrFile + ": " + e);
        }
    }
}
