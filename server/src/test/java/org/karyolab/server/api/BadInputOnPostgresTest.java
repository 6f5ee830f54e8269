package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class BadInputOnPostgresTest extends BadInputContract {
    @Override
    TestServers database() {
        return TestServers.POSTGRES;
    }
}
