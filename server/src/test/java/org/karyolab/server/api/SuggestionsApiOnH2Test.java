package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class SuggestionsApiOnH2Test extends SuggestionsApiContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
