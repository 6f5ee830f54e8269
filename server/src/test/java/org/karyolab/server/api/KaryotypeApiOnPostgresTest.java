package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class KaryotypeApiOnPostgresTest extends KaryotypeApiContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
