package org.karyolab.server.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What one request may spend on its work: a deadline and a count of work units, checked at the checkpoints of the
 * expensive routes (decoding a JSON body, validating a batch, decoding an image, reading a karyotype), so that a
 * request within every size limit still cannot hold the server for long. Over either, the work stops there with
 * {@link Exceeded} (503 {@code over-budget}), before anything is written.
 *
 * <p>Not a CPU cap: Helidon runs each request on a virtual thread, and the JVM measures no CPU time for those
 * ({@code ThreadMXBean.getCurrentThreadCpuTime()} is -1 on a virtual thread), so the budget is wall time since the
 * request's work began (its first checkpoint: reading the body is bounded by the size limits and the read
 * timeouts, not by this) and the units it reported. A unit is one element of work: a band aligned, a point, run or
 * band call validated, a kilobyte of JSON decoded, a thousand pixels decoded.
 *
 * <p>The route layer binds one budget per request ({@link #CURRENT}); services call {@link #charge}, which does
 * nothing when no budget is bound (the command line, tests of a service alone).
 */
public final class RequestBudget {

    /**
     * @param time  how long a request's work may take; zero: no work at all (every checkpoint is over it)
     * @param units how many work units it may report
     */
    public record Limits(Duration time, long units) {
        /** Far above what a request within the size limits needs on a machine of 2 cores. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(20), 500_000_000L);

        public Limits {
            if (time == null || time.isNegative()) throw new IllegalArgumentException("a request's time budget must be 0 or more, was " + time);
            if (units < 0) throw new IllegalArgumentException("a request's work units must be 0 or more, was " + units);
        }
    }

    /** The budget of the request this thread serves, if any. */
    public static final ScopedValue<RequestBudget> CURRENT = ScopedValue.newInstance();

    private final Limits limits;
    private final LongSupplier nanos;
    private final AtomicLong spent = new AtomicLong();
    private volatile long started = Long.MIN_VALUE;

    public RequestBudget(Limits limits) {
        this(limits, System::nanoTime);
    }

    /** @param nanos a monotonic clock in nanoseconds */
    RequestBudget(Limits limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
    }

    /** Reports {@code units} of work on {@code what} to the current request's budget; throws {@link Exceeded} once over it. */
    public static void charge(String what, long units) {
        if (CURRENT.isBound()) CURRENT.get().spend(what, units);
    }

    /** Reports work; the first report starts the clock. */
    public void spend(String what, long units) {
        long now = nanos.getAsLong();
        if (started == Long.MIN_VALUE) started = now;
        long total = spent.addAndGet(units);
        if (total > limits.units()) {
            throw new Exceeded(what, "its work (" + total + " units) is over the " + limits.units()
                    + " a request may do (karyolab.limits.request-work-units)");
        }
        long elapsed = now - started;
        if (elapsed >= limits.time().toNanos()) {
            throw new Exceeded(what, "it has worked " + Duration.ofNanos(elapsed).toMillis() + " ms, and a request may work "
                    + limits.time().toMillis() + " ms (karyolab.limits.request-seconds)");
        }
    }

    /** The units reported so far. */
    public long spent() {
        return spent.get();
    }

    /** The budget ran out while the request was {@code what}; nothing of it was written. */
    public static final class Exceeded extends RuntimeException {
        private final String what;

        Exceeded(String what, String why) {
            super("the request was stopped while " + what + ": " + why + "; nothing was written. Send less per request",
                    null, false, false);
            this.what = what;
        }

        public String what() {
            return what;
        }
    }
}
