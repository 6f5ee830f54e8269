package org.karyolab.server;

class ImagesOnPostgresTest extends ImagesContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
