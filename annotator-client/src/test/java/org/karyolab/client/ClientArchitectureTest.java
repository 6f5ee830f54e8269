package org.karyolab.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The annotator's core (document, commands, HTTP client, autosave) is plain Java: no JavaFX, so the
 * UI binds to it from outside and it is tested without a display; and no server code, because the
 * client talks to the server over HTTP only (the server is on the test classpath for the tests).
 */
class ClientArchitectureTest {

    static JavaClasses core;

    @BeforeAll
    static void importMainClasses() {
        // Main classes only. The build folder may be renamed (-Dkl.target=...), so test classes are told
        // apart by their folder name rather than by ArchUnit's predefined "target/test-classes" pattern.
        ImportOption mainOnly = location -> !location.contains("/test-classes/");
        core = new ClassFileImporter().withImportOption(mainOnly)
                .importPackages("org.karyolab.client");
    }

    @Test
    void theCoreKnowsNoJavaFx() {
        noClasses().that().resideInAnyPackage("org.karyolab.client.document..", "org.karyolab.client.command..",
                        "org.karyolab.client.net..", "org.karyolab.client.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt", "javax.swing..")
                .because("views are built on the core later; the core must run and be tested without a GUI toolkit")
                .allowEmptyShould(false)
                .check(core);
    }

    @Test
    void theClientKnowsNothingOfTheServer() {
        noClasses().that().resideInAPackage("org.karyolab.client..")
                .should().dependOnClassesThat().resideInAPackage("org.karyolab.server..")
                .because("the annotator talks to the server over HTTP only")
                .allowEmptyShould(false)
                .check(core);
    }

    @Test
    void theDocumentModelDoesNotReachForTheNetwork() {
        noClasses().that().resideInAnyPackage("org.karyolab.client.document..", "org.karyolab.client.command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.karyolab.client.net..", "org.karyolab.client.sync..",
                        "java.net..", "java.nio.file..")
                .because("editing works the same online or offline; only autosave talks to the server")
                .allowEmptyShould(false)
                .check(core);
    }

    @Test
    void theUiSlicesAreFreeOfCycles() {
        slices().matching("org.karyolab.client.ui.(*)..").should().beFreeOfCycles()
                .because("the editor hosts its side windows, panels and tools through EditorHost and the extension list;"
                        + " none of them reaches back into the editor's view")
                .check(core);
    }
}
