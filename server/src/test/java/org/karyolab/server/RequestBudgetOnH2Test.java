package org.karyolab.server;

class RequestBudgetOnH2Test extends RequestBudgetContract {
    @Override
    protected TestServers database() {
        return TestServers.H2;
    }
}
