package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class QueueApiOnPostgresTest extends QueueApiContract {
    @Override
    TestServers database() {
        return TestServers.POSTGRES;
    }
}
