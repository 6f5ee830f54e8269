package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class AnnotationIdsOnH2Test extends AnnotationIdsContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
