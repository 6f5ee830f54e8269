package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class ConcurrentEditsOnH2Test extends ConcurrentEditsContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
