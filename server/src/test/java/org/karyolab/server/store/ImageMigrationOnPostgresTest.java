package org.karyolab.server.store;

import java.nio.file.Path;

class ImageMigrationOnPostgresTest extends ImageMigrationContract {
    @Override
    StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.freshPostgres(dataDirectory);
    }
}
