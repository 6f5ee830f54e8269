package org.karyolab.server;

class BatchSaveOnPostgresTest extends BatchSaveContract {
    @Override
    TestServers database() {
        return TestServers.POSTGRES;
    }
}
