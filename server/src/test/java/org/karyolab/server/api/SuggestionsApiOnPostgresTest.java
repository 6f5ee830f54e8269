package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class SuggestionsApiOnPostgresTest extends SuggestionsApiContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
