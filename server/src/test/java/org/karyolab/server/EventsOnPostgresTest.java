package org.karyolab.server;

class EventsOnPostgresTest extends EventsContract {
    @Override
    TestServers database() {
        return TestServers.POSTGRES;
    }
}
