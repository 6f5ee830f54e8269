package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class ImageLabelsApiOnPostgresTest extends ImageLabelsApiContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
