package org.karyolab.server.store;

import java.nio.file.Path;

class ImageMigrationOnH2Test extends ImageMigrationContract {
    @Override
    StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.h2(dataDirectory);
    }
}
