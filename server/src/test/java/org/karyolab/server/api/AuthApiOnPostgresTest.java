package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class AuthApiOnPostgresTest extends AuthApiContract {
    @Override
    TestServers database() {
        return TestServers.POSTGRES;
    }
}
