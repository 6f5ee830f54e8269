package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class AccountLifecycleOnPostgresTest extends AccountLifecycleContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
