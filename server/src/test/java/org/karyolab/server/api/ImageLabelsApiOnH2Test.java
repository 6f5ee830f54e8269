package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class ImageLabelsApiOnH2Test extends ImageLabelsApiContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
