package org.karyolab.server;

class BatchSaveOnPostgresTest extends BatchSaveContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
