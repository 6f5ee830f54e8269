package org.karyolab.server.store;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;

/**
 * One database per test class and run (H2 file or a fresh PostgreSQL database); tests stay independent by
 * working in their own project and image. One instance serves both runs (PER_CLASS on a parameterized class),
 * so the database is opened and closed around each run, not in {@code @BeforeAll}/{@code @AfterAll}.
 */
@OnEachDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryContractBase {

    StorageConfig config;
    Database db;
    ProjectRepository projects;
    ImageRepository images;
    AnnotationRepository annotations;

    @Parameter
    TestDatabase database;

    /** A configuration pointing at a new, empty database. */
    StorageConfig emptyDatabase(Path dataDirectory) {
        return database.emptyDatabase(dataDirectory);
    }

    @BeforeParameterizedClassInvocation(injectArguments = false)
    void openDatabase(@TempDir Path dataDirectory) {
        config = emptyDatabase(dataDirectory);
        connect();
    }

    @AfterParameterizedClassInvocation
    void closeDatabase() {
        if (db != null) db.close();
    }

    /** Closes the database and opens it again from the same configuration. */
    void reopen() {
        db.close();
        connect();
    }

    private void connect() {
        db = Database.open(config);
        projects = new ProjectRepository(db);
        images = new ImageRepository(db);
        annotations = new AnnotationRepository(db);
    }

    /** A new project with one image in it; returns the image id. */
    String newImage() {
        String projectId = projects.create(Fixtures.project(Fixtures.unique("project"))).orElseThrow().id();
        String imageId = Fixtures.unique("image");
        if (images.add(projectId, Fixtures.image(imageId)) != ImageRepository.AddResult.ADDED) {
            throw new IllegalStateException("fixture image not added");
        }
        return imageId;
    }
}
