package org.karyolab.server.api;

import org.karyolab.server.TestServers;

class AnnotationIdsOnPostgresTest extends AnnotationIdsContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
