package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class SuggestionsApiOnPostgresTest extends SuggestionsApiContract {
    @Override
    TestServers database() {
        return TestServers.POSTGRES;
    }
}
