package org.karyolab.server;

class ImagesOnH2Test extends ImagesContract {
    @Override
    TestServers database() {
        return TestServers.H2;
    }
}
