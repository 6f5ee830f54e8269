package org.karyolab.server;

class RequestBudgetOnPostgresTest extends RequestBudgetContract {
    @Override
    protected TestServers database() {
        return TestServers.POSTGRES;
    }
}
