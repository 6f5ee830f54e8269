package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class AuthApiOnPostgresTest extends AuthApiContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
