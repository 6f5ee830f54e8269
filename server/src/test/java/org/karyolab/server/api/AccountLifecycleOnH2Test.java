package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class AccountLifecycleOnH2Test extends AccountLifecycleContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
