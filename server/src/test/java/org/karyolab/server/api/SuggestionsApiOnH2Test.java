package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class SuggestionsApiOnH2Test extends SuggestionsApiContract {
    @Override
    TestServers database() {
        return TestServers.H2;
    }
}
