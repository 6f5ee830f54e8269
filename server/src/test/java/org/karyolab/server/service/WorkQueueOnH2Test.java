package org.karyolab.server.service;

import org.karyolab.server.store.StorageConfig;
import org.karyolab.server.store.TestDatabases;

import java.nio.file.Path;

class WorkQueueOnH2Test extends WorkQueueContract {
    @Override
    StorageConfig database(Path data) {
        return TestDatabases.h2(data);
    }
}
