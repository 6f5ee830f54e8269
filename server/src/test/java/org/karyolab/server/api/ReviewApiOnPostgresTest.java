package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class ReviewApiOnPostgresTest extends ReviewApiContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
