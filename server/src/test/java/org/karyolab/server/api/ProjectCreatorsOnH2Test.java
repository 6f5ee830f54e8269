package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class ProjectCreatorsOnH2Test extends ProjectCreatorsContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
