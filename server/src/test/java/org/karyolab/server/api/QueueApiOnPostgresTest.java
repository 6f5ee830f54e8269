package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class QueueApiOnPostgresTest extends QueueApiContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
