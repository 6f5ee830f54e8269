package org.karyolab.server;

class EventsOnPostgresTest extends EventsContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
