package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class ConcurrentEditsOnPostgresTest extends ConcurrentEditsContract {
    @Override
    TestServers database() {
        return TestServers.POSTGRES;
    }
}
