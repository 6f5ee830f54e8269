package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class ReviewApiOnH2Test extends ReviewApiContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
