package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class ConcurrentEditsOnPostgresTest extends ConcurrentEditsContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
