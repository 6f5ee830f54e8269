package org.karyolab.schema;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import java.util.Set;
import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.Test;

/** The schema is pure: no I/O, no network, no database, no framework but Jackson, and JTS for polygon geometry. */
class ArchitectureTest {

    static JavaClasses schema;

    @BeforeAll
    static void importMainClasses() {
        // Test classes by folder name, whatever the build folder is called (-Dkl.target=target-x gives target-x/test-classes).
        ImportOption noTests = location -> !location.contains("/test-classes/");
        schema = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).withImportOption(noTests)
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
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.sql..", "javax.sql..")
                .check(schema);
        // java.io only to read the ideogram's own band tables from the classpath (Class.getResourceAsStream).
        noClasses().that().resideInAPackage("org.karyolab.schema..").and().doNotHaveFullyQualifiedName(
                        "org.karyolab.schema.ideogram.Ideograms")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..")
                .check(schema);
        noClasses().that().haveFullyQualifiedName("org.karyolab.schema.ideogram.Ideograms")
                .should().dependOnClassesThat(DescribedPredicate.describe("java.io beyond reading a resource",
                        c -> c.getPackageName().equals("java.io") && !Set.of("java.io.InputStream", "java.io.IOException",
                                "java.io.UncheckedIOException").contains(c.getName())))
                .check(schema);
    }

    @Test
    void jtsOnlyBehindTheShapesGeometry() {
        noClasses().that().resideInAPackage("org.karyolab.schema..").and().doNotHaveFullyQualifiedName(
                        "org.karyolab.schema.shape.Overlap")
                .should().dependOnClassesThat().resideInAnyPackage("org.locationtech.jts..")
                .check(schema);
    }

    @Test
    void noFrameworkButJackson() {
        classes().that().resideInAPackage("org.karyolab.schema..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.karyolab.schema..", "com.fasterxml.jackson..",
                        "org.locationtech.jts..", "java.lang..", "java.util..", "java.time..", "java.math..", "java.io..", "")
                .check(schema); // java.io is narrowed to classpath reading by noIoNetworkOrDatabase

    }
}
