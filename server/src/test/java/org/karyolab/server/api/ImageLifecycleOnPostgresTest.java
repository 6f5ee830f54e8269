package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class ImageLifecycleOnPostgresTest extends ImageLifecycleContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
