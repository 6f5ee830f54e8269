package org.karyolab.server.store;

import java.nio.file.Path;

class ProjectImageRepositoryOnPostgresTest extends ProjectImageRepositoryContract {
    @Override
    StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.freshPostgres(dataDirectory);
    }
}
