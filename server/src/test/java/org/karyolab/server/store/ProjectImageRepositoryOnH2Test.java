package org.karyolab.server.store;

import java.nio.file.Path;

class ProjectImageRepositoryOnH2Test extends ProjectImageRepositoryContract {
    @Override
    StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.h2(dataDirectory);
    }
}
