package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class BadInputOnH2Test extends BadInputContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
