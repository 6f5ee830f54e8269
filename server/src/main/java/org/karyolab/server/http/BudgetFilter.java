package org.karyolab.server.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.karyolab.server.service.RequestBudget;

/**
 * Gives every request its own {@link RequestBudget} for the services' checkpoints to charge; a request that runs out
 * is answered 503 {@code over-budget} by {@link ErrorAnswers}. Requests that report no work (most) spend nothing.
 */
public final class BudgetFilter implements Filter {

    private final RequestBudget.Limits limits;

    public BudgetFilter(RequestBudget.Limits limits) {
        this.limits = limits;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        ScopedValue.where(RequestBudget.CURRENT, new RequestBudget(limits)).run(chain::proceed);
    }
}
