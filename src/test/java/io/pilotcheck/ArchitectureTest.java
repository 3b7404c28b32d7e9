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

    /**
     * The store is a repository of the domain's records: it knows findings, pilots and where
     * they were read, never the reports, the diff, the check API, the engine or a front end.
     */
    @Test
    void theStoreKnowsOnlyTheDomain() {
        noClasses().that().resideInAPackage("io.pilotcheck.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.pilotcheck.report..", "io.pilotcheck.diff..",
                        "io.pilotcheck.api..", "io.pilotcheck.serve..", "io.pilotcheck.cli..", "io.pilotcheck.app..",
                        "io.pilotcheck.check..", "io.pilotcheck.rules..", "io.pilotcheck.facts..", "io.pilotcheck.dossier..",
                        "io.pilotcheck.explain..")
                .check(classes);
    }

    /** The repository interface names no SQL, pool or migration type: those stay in its adapter, {@code store.sql}. */
    @Test
    void theRepositoryInterfaceHidesItsDatabase() {
        noClasses().that().resideInAPackage("io.pilotcheck.store")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "com.zaxxer..", "org.flywaydb..",
                        "java.sql..", "org.sqlite..", "org.postgresql..", "io.pilotcheck.store.sql..")
                .check(classes);
    }

    /**
     * Front ends → application → (check API, store): the HTTP service asks the application layer
     * for everything it checks, keeps or reads, and never opens the store's adapter or runs the
     * engine itself.
     */
    @Test
    void theServiceGoesThroughTheApplicationLayer() {
        noClasses().that().resideInAPackage("io.pilotcheck.serve..")
                .should().dependOnClassesThat().resideInAnyPackage("io.pilotcheck.store.sql..", "io.pilotcheck.check..",
                        "io.pilotcheck.facts..")
                .orShould().dependOnClassesThat().haveNameMatching("io\\.pilotcheck\\.api\\.(Check|CheckRequest|CheckOutcome|StreamedOutcome)")
                .check(classes);
    }

    /** The application layer serves every front end and depends on none of them, nor on the store's adapter. */
    @Test
    void theApplicationLayerKnowsNoFrontEnd() {
        noClasses().that().resideInAPackage("io.pilotcheck.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.pilotcheck.serve..", "io.pilotcheck.cli..",
                        "io.pilotcheck.store.sql..", "io.javalin..", "picocli..")
                .check(classes);
    }

    /**
     * The check API is what the front ends and the application layer check through: none of them
     * reaches past it into the engine's batch (its threads, sessions and stop signal).
     */
    @Test
    void theEngineStaysBehindTheCheckApi() {
        noClasses().that().resideInAnyPackage("io.pilotcheck.cli..", "io.pilotcheck.serve..", "io.pilotcheck.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.pilotcheck.check..", "io.pilotcheck.facts..",
                        "org.kie..", "org.drools..")
                .check(classes);
    }

    /** Every route is a row of the route table, so none escapes its before-handler's access check. */
    @Test
    void routesAreRegisteredOnlyByTheRouteTable() {
        noClasses().that().doNotHaveFullyQualifiedName("io.pilotcheck.serve.RouteTable")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.base.DescribedPredicate.describe("Javalin's routing API",
                                        owner -> owner.isAssignableTo("io.javalin.router.JavalinDefaultRoutingApi"))))
                        .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                                com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                                        "get|post|put|patch|delete|head|addHttpHandler|addEndpoint|apiBuilder"))))
                .check(classes);
    }
}
