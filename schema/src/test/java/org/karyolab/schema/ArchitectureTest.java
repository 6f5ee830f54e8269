package org.karyolab.schema;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema is pure: no I/O, no network, no database, and no framework but Jackson. */
class ArchitectureTest {

    static JavaClasses schema;

    @BeforeAll
    static void importMainClasses() {
        schema = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.karyolab.schema");
    }

    @Test
    void importedTheMainClasses() {
        org.assertj.core.api.Assertions.assertThat(schema.contain(org.karyolab.schema.json.SchemaJson.class)).isTrue();
        org.assertj.core.api.Assertions.assertThat(schema.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void noIoNetworkOrDatabase() {
        noClasses().that().resideInAPackage("org.karyolab.schema..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "java.sql..",
                        "javax.sql..")
                .check(schema);
    }

    @Test
    void noFrameworkButJackson() {
        classes().that().resideInAPackage("org.karyolab.schema..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.karyolab.schema..", "com.fasterxml.jackson..",
                        "java.lang..", "java.util..", "java.time..", "java.math..", "")
                .check(schema);
    }
}
