package org.karyolab.client.ui.bench;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles over durations in nanoseconds, printed in milliseconds. */
record Stats(int n, double p50, double p95, double p99, double max, double mean) {

    static Stats of(List<Long> nanos) {
        if (nanos.isEmpty()) return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Stats(sorted.length, ms(rank(sorted, 50)), ms(rank(sorted, 95)), ms(rank(sorted, 99)),
                ms(sorted[sorted.length - 1]), Arrays.stream(sorted).average().orElse(0) / 1e6);
    }

    private static long rank(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.clamp(i, 0, sorted.length - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Frames per second at the mean frame time. */
    double fps() {
        return 1000 / mean;
    }

    String line() {
        return "p50 %6.2f  p95 %6.2f  p99 %6.2f  max %6.2f  mean %6.2f ms  (n=%d)".formatted(p50, p95, p99, max, mean, n);
    }
}
