package org.karyolab.server.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

class LatencyLogTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) sorted[i] = i + 1;
        assertThat(LatencyLog.of(sorted).percentile(50)).isEqualTo(50);
        assertThat(LatencyLog.of(sorted).percentile(95)).isEqualTo(95);
        assertThat(LatencyLog.of(sorted).percentile(99)).isEqualTo(99);
        assertThat(LatencyLog.of(sorted).percentile(100)).isEqualTo(100);
        assertThat(LatencyLog.of(sorted).percentile(0.5)).isEqualTo(1);
    }

    @Test
    void percentileIsAlwaysAMeasuredValue() { // below 2,048 the histogram is exact
        long[] sorted = {10, 20, 30, 40};
        assertThat(LatencyLog.of(sorted).percentile(50)).isEqualTo(20);  // rank ceil(2.0) = 2
        assertThat(LatencyLog.of(sorted).percentile(51)).isEqualTo(30);  // rank ceil(2.04) = 3
        assertThat(LatencyLog.of(sorted).percentile(99)).isEqualTo(40);
        assertThat(LatencyLog.of(new long[] {7}).percentile(99)).isEqualTo(7);
    }

    @Test
    void rejectsNoValuesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> LatencyLog.of(new long[0]).percentile(50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyLog.of(new long[] {1}).percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyLog.of(new long[] {1}).percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryOfUnsortedAndMergedLogs() {
        LatencyLog a = new LatencyLog();
        LatencyLog b = new LatencyLog();
        // 1000 values 1..1000, spread over two logs in a scrambled order, past the initial capacity
        for (int i = 0; i < 1000; i++) {
            long v = (i * 7919L) % 1000 + 1;
            (i % 3 == 0 ? a : b).add(v);
        }
        a.addAll(b);
        LatencyLog.Summary s = a.summary();
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50()).isEqualTo(500);
        assertThat(s.p95()).isEqualTo(950);
        assertThat(s.p99()).isEqualTo(990);
        assertThat(s.max()).isEqualTo(1000);
        assertThat(s.mean()).isEqualTo(500.5);
    }

    @Test
    void aboveTheExactRangeFiguresAreWithinATenthOfAPercentOfNearestRank() {
        long[] sorted = new long[10_000];
        for (int i = 0; i < sorted.length; i++) sorted[i] = 1_000_000L + i * 997L; // 1 ms to ~11 ms, in ns as measured
        LatencyLog log = LatencyLog.of(sorted);
        for (double p : new double[] {50, 95, 99}) {
            long exact = sorted[(int) Math.ceil(p / 100 * sorted.length) - 1];
            assertThat((double) log.percentile(p)).as("p%s", p).isCloseTo(exact, withPercentage(0.1));
        }
        assertThat((double) log.summary().max()).isCloseTo(sorted[sorted.length - 1], withPercentage(0.1));
    }

    @Test
    void theEncodedFormCarriesTheWholeLog() {
        LatencyLog log = LatencyLog.of(5, 1_000, 2_000_000, 40_000_000_000L);
        LatencyLog back = LatencyLog.decode(log.encoded());
        assertThat(back.summary()).isEqualTo(log.summary());
        back.add(80_000_000_000L); // a decoded log still grows
        assertThat(back.count()).isEqualTo(5);
    }

    @Test
    void emptyLogSummarisesToZeros() {
        assertThat(new LatencyLog().summary()).isEqualTo(new LatencyLog.Summary(0, 0, 0, 0, 0, 0));
    }
}
