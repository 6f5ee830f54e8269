package org.karyolab.server.store;

import java.nio.file.Path;

class ConcurrencyOnH2Test extends ConcurrencyContract {
    @Override
    StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.h2(dataDirectory);
    }
}
