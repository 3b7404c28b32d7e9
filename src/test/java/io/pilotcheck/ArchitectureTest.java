package io.pilotcheck;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout follows the data, one package per step, and front ends stay at the edge: these
 * rules fail the build, listing every offending dependency, when the code drifts from it.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMain() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.pilotcheck");
        // every rule below would pass on no classes at all
        org.assertj.core.api.Assertions.assertThat(classes.size()).as("classes imported").isGreaterThan(100);
    }

    @Test
    void theReportsDependOnResultsNotOnTheEngine() {
        noClasses().that().resideInAPackage("io.pilotcheck.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.pilotcheck.check..", "io.pilotcheck.api..",
                        "io.pilotcheck.waiver..", "org.kie..", "org.drools..")
                .orShould().dependOnClassesThat().haveNameMatching("io\\.pilotcheck\\.rules\\.(RuleBook|RuleBookLoader|DrlCompiler).*")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.pilotcheck.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void picocliStaysInTheCommandLine() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.pilotcheck.cli..")
                .and().resideOutsideOfPackage("picocli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..");
        rule.check(classes);
    }

    @Test
    void nothingBelowTheCommandLineDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("io.pilotcheck.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.pilotcheck.cli..").check(classes);
    }

    @Test
    void nothingBelowTheCommandLinePrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackage("io.pilotcheck.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }
}
