package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class BadInputOnPostgresTest extends BadInputContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
