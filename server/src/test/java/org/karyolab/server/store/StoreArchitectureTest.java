package org.karyolab.server.store;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Storage knows nothing of HTTP, nor of the server code built on top of it. */
class StoreArchitectureTest {

    private static final JavaClasses STORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.karyolab.server.store");

    @Test
    void storageDoesNotDependOnHelidon() {
        noClasses().that().resideInAPackage("org.karyolab.server.store..")
                .should().dependOnClassesThat().resideInAPackage("io.helidon..")
                .because("storage knows nothing of HTTP")
                .allowEmptyShould(false)
                .check(STORE);
    }

    @Test
    void storageDoesNotDependOnTheRestOfTheServer() {
        noClasses().that().resideInAPackage("org.karyolab.server.store..")
                .should().dependOnClassesThat(resideInAPackage("org.karyolab.server..")
                        .and(resideOutsideOfPackage("org.karyolab.server.store..")))
                .because("HTTP, CLI and services use storage, never the other way round")
                .allowEmptyShould(false)
                .check(STORE);
    }
}
