package org.karyolab.client.ui.bench;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Nearest-rank percentiles over durations in nanoseconds, printed in milliseconds. Read from an HdrHistogram of
 * 3 significant digits (the top of the bucket the nearest-rank value falls in): within 0.1%, as are max and mean.
 */
record Stats(int n, double p50, double p95, double p99, double max, double mean) {

    static Stats of(List<Long> nanos) {
        if (nanos.isEmpty()) return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        Histogram h = new Histogram(3);
        nanos.forEach(h::recordValue);
        return new Stats(nanos.size(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()), h.getMean() / 1e6);
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
