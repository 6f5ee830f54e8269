package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class AuthorizationMatrixOnPostgresTest extends AuthorizationMatrixContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
