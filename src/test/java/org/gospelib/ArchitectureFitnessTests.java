package org.gospelib;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules the module structure alone does not enforce. */
class ArchitectureFitnessTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gospelib");

    @Test
    void theScriptureKernelIsFreeOfFrameworks() {
        noClasses().that().resideInAPackage("org.gospelib.scripture..")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..", "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void theSwordReaderAndOsisParserAreFreeOfSpring() {
        noClasses().that().resideInAnyPackage("org.gospelib.ingest.internal.sword..", "org.gospelib.ingest.internal.osis..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void contentNeverQueriesTheDatabaseFromItsControllers() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .check(CLASSES);
    }
}
