package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class LeaseEnforcementOnH2Test extends LeaseEnforcementContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
