package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class AuthorizationMatrixOnH2Test extends AuthorizationMatrixContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
