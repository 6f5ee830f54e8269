package org.karyolab.server.store;

import java.nio.file.Path;

class AuditTrailOnPostgresTest extends AuditTrailContract {
    @Override
    StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.freshPostgres(dataDirectory);
    }
}
