package org.karyolab.server;

class EventsOnH2Test extends EventsContract {
    @Override
    TestServers database() {
        return TestServers.H2;
    }
}
