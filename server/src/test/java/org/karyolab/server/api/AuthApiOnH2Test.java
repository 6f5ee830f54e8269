package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class AuthApiOnH2Test extends AuthApiContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
