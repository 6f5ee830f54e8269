package org.karyolab.server;

class ImagesOnPostgresTest extends ImagesContract {
    @Override
    TestServers database() {
        return TestServers.POSTGRES;
    }
}
