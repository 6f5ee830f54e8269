package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class ProjectCreatorsOnPostgresTest extends ProjectCreatorsContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
