package org.karyolab.server.store;

import java.nio.file.Path;

class ConcurrencyOnPostgresTest extends ConcurrencyContract {
    @Override
    StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.freshPostgres(dataDirectory);
    }
}
