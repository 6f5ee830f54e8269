package org.karyolab.server.store;

import java.nio.file.Path;

class DatabaseOnPostgresTest extends DatabaseContract {
    @Override
    StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.freshPostgres(dataDirectory);
    }

    @Override
    Dialect expectedDialect() {
        return Dialect.POSTGRESQL;
    }
}
