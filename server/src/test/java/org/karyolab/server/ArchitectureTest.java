package org.karyolab.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules of docs/ARCHITECTURE.md, checked on the compiled classes of
 * every module the server sees (schema, learning, exports and the server itself).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.karyolab");
    }

    @Test
    void everyModuleIsImported() {
        assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("org.karyolab.schema"))
                .anyMatch(p -> p.startsWith("org.karyolab.server"));
    }

    @Test
    void schemaIsPureJavaWithoutIo() {
        noClasses().that().resideInAPackage("org.karyolab.schema..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.nio.file..", "java.nio.channels..", "java.net..", "java.sql..", "javax.sql..",
                        "io.helidon..", "org.h2..", "org.postgresql..", "org.flywaydb..", "javafx..")
                .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File|RandomAccessFile|Console|PrintStream).*")
                .orShould().dependOnClassesThat().resideInAnyPackage(
                        "org.karyolab.learning..", "org.karyolab.exports..", "org.karyolab.server..", "org.karyolab.client..")
                .because("the domain model is plain Java (Jackson for its JSON form only) that every module can use")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void nothingOutsideTheServerDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("org.karyolab.server..")
                .should().dependOnClassesThat().resideInAPackage("org.karyolab.server..")
                .because("the server is the top of the graph: schema <- learning, exports <- server")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheClient() {
        noClasses().that().resideOutsideOfPackage("org.karyolab.client..")
                .should().dependOnClassesThat().resideInAPackage("org.karyolab.client..")
                .because("the annotator is a separate program that talks HTTP")
                .check(classes);
    }

    @Test
    void learningAndExportsKnowNothingOfHttpOrStorage() {
        noClasses().that().resideInAnyPackage("org.karyolab.learning..", "org.karyolab.exports..")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void storageKnowsNothingOfHttp() {
        noClasses().that().resideInAPackage("org.karyolab.server.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "org.karyolab.server.http..")
                .because("routes are thin; storage and services know nothing of HTTP")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void theRoutesKnowNothingOfStorage() {
        noClasses().that().resideInAPackage("org.karyolab.server.http..")
                .should().dependOnClassesThat().resideInAPackage("org.karyolab.server.store..")
                .because("routes speak schema.api and the services' types: a store row never goes out as JSON")
                .allowEmptyShould(false)
                .check(classes);
    }
}
