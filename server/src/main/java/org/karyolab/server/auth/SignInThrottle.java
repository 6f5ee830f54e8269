package org.karyolab.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: per username and address, after {@link #FREE_FAILURES} failed
 * sign-ins in a row each further attempt must wait twice as long as the one before (1 s, 2 s, 4 s,
 * ... at most {@link #LONGEST_WAIT}). A success clears the count. Kept in memory: a restart forgets,
 * which costs an attacker a restart per few guesses, and the server keeps nothing an attacker can fill
 * for long (entries older than the longest wait are dropped, and at most {@link #MAX_ENTRIES} are kept).
 */
public final class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this username from this address must still wait before it may try; empty: it may try now. */
    public Optional<Duration> wait(String username, String address) {
        Failures f = failures.get(key(username, address));
        if (f == null || f.count() < FREE_FAILURES) return Optional.empty();
        Duration left = Duration.between(clock.instant(), f.last().plus(backoff(f.count())));
        return left.isPositive() ? Optional.of(left) : Optional.empty();
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ENTRIES) forgetOlderThan(now.minus(LONGEST_WAIT));
        failures.merge(key(username, address), new Failures(1, now), (was, one) -> new Failures(was.count() + 1, now));
    }

    public void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    /** The wait after {@code count} failures in a row. */
    static Duration backoff(int count) {
        int doublings = Math.min(count - FREE_FAILURES, 20);
        Duration wait = Duration.ofSeconds(1L << Math.max(doublings, 0));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void forgetOlderThan(Instant cutoff) {
        failures.values().removeIf(f -> f.last().isBefore(cutoff));
    }

    private static String key(String username, String address) {
        return String.valueOf(username).toLowerCase(Locale.ROOT) + "\u0000" + address;
    }
}
