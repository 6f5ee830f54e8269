package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class AnnotationLimitsOnPostgresTest extends AnnotationLimitsContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
