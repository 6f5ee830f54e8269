package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class QueueApiOnH2Test extends QueueApiContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
