package org.karyolab.server.store;

import java.nio.file.Path;

class AnnotationRepositoryOnH2Test extends AnnotationRepositoryContract {
    @Override
    StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.h2(dataDirectory);
    }
}
