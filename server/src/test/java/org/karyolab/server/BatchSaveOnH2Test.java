package org.karyolab.server;

class BatchSaveOnH2Test extends BatchSaveContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
