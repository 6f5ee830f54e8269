package org.karyolab.server.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyLogTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) sorted[i] = i + 1;
        assertThat(LatencyLog.percentile(sorted, 50)).isEqualTo(50);
        assertThat(LatencyLog.percentile(sorted, 95)).isEqualTo(95);
        assertThat(LatencyLog.percentile(sorted, 99)).isEqualTo(99);
        assertThat(LatencyLog.percentile(sorted, 100)).isEqualTo(100);
        assertThat(LatencyLog.percentile(sorted, 0.5)).isEqualTo(1);
    }

    @Test
    void percentileIsAlwaysAMeasuredValue() {
        long[] sorted = {10, 20, 30, 40};
        assertThat(LatencyLog.percentile(sorted, 50)).isEqualTo(20);  // rank ceil(2.0) = 2
        assertThat(LatencyLog.percentile(sorted, 51)).isEqualTo(30);  // rank ceil(2.04) = 3
        assertThat(LatencyLog.percentile(sorted, 99)).isEqualTo(40);
        assertThat(LatencyLog.percentile(new long[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void rejectsNoValuesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> LatencyLog.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyLog.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyLog.percentile(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
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
    void emptyLogSummarisesToZeros() {
        assertThat(new LatencyLog().summary()).isEqualTo(new LatencyLog.Summary(0, 0, 0, 0, 0, 0));
    }
}
