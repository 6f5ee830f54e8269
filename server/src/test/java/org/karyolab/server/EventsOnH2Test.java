package org.karyolab.server;

class EventsOnH2Test extends EventsContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
