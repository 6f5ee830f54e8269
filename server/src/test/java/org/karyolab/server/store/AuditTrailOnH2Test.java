package org.karyolab.server.store;

import java.nio.file.Path;

class AuditTrailOnH2Test extends AuditTrailContract {
    @Override
    StorageConfig emptyDatabase(Path dataDirectory) {
        return TestDatabases.h2(dataDirectory);
    }
}
