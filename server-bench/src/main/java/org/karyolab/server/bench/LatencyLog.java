package org.karyolab.server.bench;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * The latencies of one kind of operation, in nanoseconds, in an HdrHistogram of 3 significant digits: one log
 * per client thread, merged after the run. A percentile is the nearest-rank one (the smallest recorded value
 * that at least p percent are less than or equal to), read as the top of its histogram bucket: exact below
 * 2,048 ns, within 0.1% above; so are the maximum and the mean.
 */
public final class LatencyLog {

    /** Count, nearest-rank percentiles, maximum and mean of a log, in nanoseconds. */
    public record Summary(int count, long p50, long p95, long p99, long max, double mean) {
        static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0);
    }

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram;

    public LatencyLog() {
        this(new Histogram(SIGNIFICANT_DIGITS)); // grows to whatever range it is given
    }

    private LatencyLog(Histogram histogram) {
        this.histogram = histogram;
    }

    public static LatencyLog of(long... nanos) {
        LatencyLog log = new LatencyLog();
        for (long v : nanos) log.add(v);
        return log;
    }

    public void add(long nanos) {
        histogram.recordValue(nanos);
    }

    public void addAll(LatencyLog other) {
        histogram.add(other.histogram);
    }

    public int count() {
        return Math.toIntExact(histogram.getTotalCount());
    }

    public Summary summary() {
        if (count() == 0) return Summary.EMPTY;
        return new Summary(count(), percentile(50), percentile(95), percentile(99), histogram.getMaxValue(),
                histogram.getMean());
    }

    /** The nearest-rank percentile {@code p} (0 < p <= 100) of the values recorded. */
    public long percentile(double p) {
        if (count() == 0) throw new IllegalArgumentException("no values");
        if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        return histogram.getValueAtPercentile(p);
    }

    /** The log in HdrHistogram's compressed form, base64: how the load process sends it to the server's. */
    public String encoded() {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    public static LatencyLog decode(String encoded) {
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
            h.setAutoResize(true);
            return new LatencyLog(h);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not an encoded latency log", e);
        }
    }
}
