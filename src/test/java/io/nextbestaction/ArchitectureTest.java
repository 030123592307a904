package io.nextbestaction;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service's layering, checked on its compiled classes: {@code regression} → {@code rulesets} → {@code rules},
 * the decision path ({@code decide}, {@code history}, {@code log}) never reaching back up, Drools only inside
 * {@code rules}, the {@code experiments} on top of {@code rulesets}, {@code decide} and {@code reports} with nothing
 * below depending on them, {@code learning} reached only through the interface it implements in {@code decide}, the
 * stored {@code users} apart from the rest, the {@code console} a client of the HTTP API that nothing depends on, and
 * no package cycle.
 */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.nextbestaction");

    @Test
    void onlyTheRulesPackageUsesTheRuleEngine() {
        noClasses().that().resideOutsideOfPackage("io.nextbestaction.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..", "org.mvel2..")
                .check(SERVICE);
    }

    @Test
    void theRulesKnowNothingOfTheServiceAroundThem() {
        noClasses().that().resideInAPackage("io.nextbestaction.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nextbestaction.rulesets..", "io.nextbestaction.regression..",
                        "io.nextbestaction.decide..", "io.nextbestaction.history..", "io.nextbestaction.log..", "io.nextbestaction.common..")
                .check(SERVICE);
    }

    @Test
    void theFactModelIsALeaf() {
        noClasses().that().resideInAPackage("io.nextbestaction.rules.facts..")
                .should().dependOnClassesThat().resideInAPackage("io.nextbestaction.rules")
                .check(SERVICE);
    }

    @Test
    void rulesetsDoNotReachUpToRegression() {
        noClasses().that().resideInAPackage("io.nextbestaction.rulesets..")
                .should().dependOnClassesThat().resideInAPackage("io.nextbestaction.regression..")
                .check(SERVICE);
    }

    @Test
    void theDecisionPathDoesNotReachUp() {
        noClasses().that().resideInAnyPackage("io.nextbestaction.decide..", "io.nextbestaction.history..", "io.nextbestaction.log..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nextbestaction.rulesets..", "io.nextbestaction.regression..",
                        "io.nextbestaction.reports..")
                .check(SERVICE);
    }

    @Test
    void experimentsSitOnTopOfRulesetsAndTheDecisionPath() {
        noClasses().that().resideInAPackage("io.nextbestaction.experiments..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nextbestaction.regression..", "io.nextbestaction.history..",
                        "io.nextbestaction.log..", "io.nextbestaction.users..", "io.nextbestaction.console..")
                .check(SERVICE);
        noClasses().that().resideOutsideOfPackage("io.nextbestaction.experiments..")
                .should().dependOnClassesThat().resideInAPackage("io.nextbestaction.experiments..")
                .check(SERVICE);
    }

    @Test
    void theUsersStandApart() {
        noClasses().that().resideInAPackage("io.nextbestaction.users..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nextbestaction.rules..", "io.nextbestaction.rulesets..",
                        "io.nextbestaction.regression..", "io.nextbestaction.decide..", "io.nextbestaction.history..", "io.nextbestaction.log..")
                .check(SERVICE);
        noClasses().that().resideOutsideOfPackage("io.nextbestaction.users..")
                .should().dependOnClassesThat().resideInAPackage("io.nextbestaction.users..")
                .check(SERVICE);
    }

    @Test
    void theConsoleIsAClientOfTheApi() {
        noClasses().that().resideInAPackage("io.nextbestaction.console..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nextbestaction.rules..", "io.nextbestaction.rulesets..",
                        "io.nextbestaction.regression..", "io.nextbestaction.decide..", "io.nextbestaction.history..",
                        "io.nextbestaction.log..")
                .check(SERVICE);
    }

    @Test
    void nothingDependsOnTheConsole() {
        noClasses().that().resideOutsideOfPackage("io.nextbestaction.console..")
                .should().dependOnClassesThat().resideInAPackage("io.nextbestaction.console..")
                .check(SERVICE);
    }

    @Test
    void learningServesTheDecisionPathThroughItsInterfaceAlone() {
        noClasses().that().resideInAPackage("io.nextbestaction.learning..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nextbestaction.rulesets..", "io.nextbestaction.regression..",
                        "io.nextbestaction.reports..", "io.nextbestaction.history..", "io.nextbestaction.log..")
                .check(SERVICE);
        noClasses().that().resideOutsideOfPackage("io.nextbestaction.learning..")
                .should().dependOnClassesThat().resideInAPackage("io.nextbestaction.learning..")
                .check(SERVICE);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.nextbestaction.(**)").should().beFreeOfCycles().check(SERVICE);
    }
}
