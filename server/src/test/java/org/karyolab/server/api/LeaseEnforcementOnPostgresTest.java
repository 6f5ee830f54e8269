package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class LeaseEnforcementOnPostgresTest extends LeaseEnforcementContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
