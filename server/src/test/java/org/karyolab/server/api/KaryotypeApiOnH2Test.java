package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class KaryotypeApiOnH2Test extends KaryotypeApiContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
