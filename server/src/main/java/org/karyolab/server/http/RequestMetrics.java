package org.karyolab.server.http;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request counts and latency histograms per route, served with the rest of the metrics at
 * {@code /observe/metrics} (Prometheus text). Tagged by route pattern, not by path, so that ids
 * in paths do not make a meter per annotation.
 */
public final class RequestMetrics implements Filter {

    static final String METER = "karyolab.http.requests";

    private final MeterRegistry registry;
    /** The timer per (method, route, status class): looked up once, not built again for every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            long nanos = System.nanoTime() - start;
            String method = req.prologue().method().text();
            String route = req.matchingPattern().orElse("unmatched");
            String status = res.status().code() / 100 + "xx";
            timers.computeIfAbsent(method + ' ' + route + ' ' + status, key -> timer(method, route, status))
                    .record(Duration.ofNanos(nanos));
        }
    }

    private Timer timer(String method, String route, String status) {
        return registry.getOrCreate(Timer.builder(METER)
                .description("HTTP requests by route: count and latency")
                .publishPercentileHistogram(true)
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .tags(List.of(Tag.create("method", method), Tag.create("route", route), Tag.create("status", status))));
    }
}
