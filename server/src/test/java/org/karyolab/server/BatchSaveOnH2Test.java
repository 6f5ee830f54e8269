package org.karyolab.server;

class BatchSaveOnH2Test extends BatchSaveContract {
    @Override
    TestServers database() {
        return TestServers.H2;
    }
}
