package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class ImageLifecycleOnH2Test extends ImageLifecycleContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
