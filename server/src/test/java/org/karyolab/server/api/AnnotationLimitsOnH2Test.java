package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class AnnotationLimitsOnH2Test extends AnnotationLimitsContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
