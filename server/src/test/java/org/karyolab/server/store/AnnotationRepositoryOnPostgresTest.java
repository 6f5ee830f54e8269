package org.karyolab.server.store;

import java.nio.file.Path;

class AnnotationRepositoryOnPostgresTest extends AnnotationRepositoryContract {
    @Override
    StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.freshPostgres(dataDirectory);
    }
}
