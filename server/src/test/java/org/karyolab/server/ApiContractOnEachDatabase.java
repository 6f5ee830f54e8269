package org.karyolab.server;

import org.junit.jupiter.params.Parameter;
import org.karyolab.server.store.OnEachDatabase;
import org.karyolab.server.store.TestDatabase;

/** An API contract suite: it runs once on H2 and once on PostgreSQL, a fresh server for each test. */
@OnEachDatabase
public abstract class ApiContractOnEachDatabase extends ApiContract {

    @Parameter
    TestDatabase onDatabase;

    @Override
    protected final TestServers database() {
        return TestServers.on(onDatabase);
    }
}
