package org.karyolab.client.ui.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frame-time figures: nearest-rank, within HdrHistogram's 0.1% of the exact ones. */
class StatsTest {

    @Test
    void nearestRankPercentilesOfFrameTimes() {
        List<Long> nanos = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) nanos.add(((i * 7919L) % 1000 + 1) * 100_000L); // 0.1 ms .. 100 ms, scrambled
        Stats s = Stats.of(nanos);
        assertThat(s.n()).isEqualTo(1000);
        assertThat(s.p50()).isCloseTo(50.0, withPercentage(0.1));
        assertThat(s.p95()).isCloseTo(95.0, withPercentage(0.1));
        assertThat(s.p99()).isCloseTo(99.0, withPercentage(0.1));
        assertThat(s.max()).isCloseTo(100.0, withPercentage(0.1));
        assertThat(s.mean()).isCloseTo(50.05, withPercentage(0.1));
        assertThat(s.fps()).isCloseTo(1000 / 50.05, offset(0.05));
    }

    @Test
    void noDurationsAreNotANumber() {
        assertThat(Stats.of(List.of()).p95()).isNaN();
        assertThat(Stats.of(List.of()).n()).isZero();
    }
}
