package org.karyolab.server.bench;

import java.util.Arrays;

/**
 * Every latency of one kind of operation, in nanoseconds. Kept whole (not binned) because a run
 * holds at most a few million of them; one log per client thread, merged after the run.
 */
public final class LatencyLog {

    /** Count, nearest-rank percentiles, maximum and mean of a log, in nanoseconds. */
    public record Summary(int count, long p50, long p95, long p99, long max, double mean) {
        static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0);
    }

    private long[] values = new long[256];
    private int size;

    public void add(long nanos) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = nanos;
    }

    public void addAll(LatencyLog other) {
        if (size + other.size > values.length) values = Arrays.copyOf(values, Math.max(values.length * 2, size + other.size));
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
    }

    /** The latencies recorded, in the order they were added (for sending a log to another process). */
    public long[] values() {
        return Arrays.copyOf(values, size);
    }

    public static LatencyLog of(long[] nanos) {
        LatencyLog log = new LatencyLog();
        log.values = Arrays.copyOf(nanos, Math.max(1, nanos.length));
        log.size = nanos.length;
        return log;
    }

    public int count() {
        return size;
    }

    public Summary summary() {
        if (size == 0) return Summary.EMPTY;
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) sum += v;
        return new Summary(size, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[size - 1], sum / size);
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value that at least {@code p} percent
     * of the values are less than or equal to. Always one of the values, never interpolated.
     */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) throw new IllegalArgumentException("no values");
        if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length); // 1-based
        return sorted[Math.clamp(rank, 1, sorted.length) - 1];
    }
}
