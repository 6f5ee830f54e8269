package org.karyolab.server.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * One database per test class (H2 file or a fresh PostgreSQL database); tests stay independent by
 * working in their own project and image.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryContractBase {

    StorageConfig config;
    Database db;
    ProjectRepository projects;
    ImageRepository images;
    AnnotationRepository annotations;

    /** A configuration pointing at a new, empty database. */
    abstract StorageConfig emptyDatabase(Path dataDirectory);

    @BeforeAll
    void openDatabase(@TempDir Path dataDirectory) {
        config = emptyDatabase(dataDirectory);
        connect();
    }

    @AfterAll
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
