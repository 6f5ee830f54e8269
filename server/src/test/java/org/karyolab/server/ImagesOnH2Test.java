package org.karyolab.server;

class ImagesOnH2Test extends ImagesContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
