package org.karyolab.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A clock a test moves ahead instead of sleeping (to let a lease expire, say): either the system clock plus
 * the distance moved ({@link #flowing()}: tokens and timestamps behave as usual), or a clock that stands still
 * until moved ({@link #frozenAt}: for exact expectations).
 */
public final class MovableClock extends Clock {

    private final Supplier<Instant> base;
    private final AtomicReference<Duration> moved = new AtomicReference<>(Duration.ZERO);

    private MovableClock(Supplier<Instant> base) {
        this.base = base;
    }

    public static MovableClock flowing() {
        return new MovableClock(Instant::now);
    }

    public static MovableClock frozenAt(Instant start) {
        return new MovableClock(() -> start);
    }

    public void advance(Duration by) {
        moved.updateAndGet(m -> m.plus(by));
    }

    @Override
    public Instant instant() {
        return base.get().plus(moved.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
