package org.karyolab.learning.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.Karyotype;
import org.karyolab.schema.iscn.Mode;

/** A smoke measure of {@link LossGainFusion#of} on typical karyotypes (the JMH benchmark is the real figure). */
class LossGainFusionThroughputTest {

    @Test
    void computesThousandsOfKaryotypesPerSecondOnOneCore() {
        List<Karyotype> typical = List.of("46,XY", "47,XX,+21", "46,XY,t(9;22)(q34;q11.2)", "46,XX,del(5)(q13q33)",
                "45,X", "46,XY,inv(9)(p12q13)", "47,XY,+8,t(8;21)(q22;q22)", "46,XX,i(17)(q10)",
                "46,XY,der(22)t(9;22)(q34;q11.2)", "45,XX,rob(13;14)(q10;q10)").stream()
                .map(s -> Iscn.parse(s, Mode.STRICT).orThrow()).toList();
        for (BandLevel level : List.of(BandLevel.B400, BandLevel.B550, BandLevel.B850)) {
            long sink = 0;
            for (int i = 0; i < 20_000; i++) { // warm-up
                sink += LossGainFusion.of(typical.get(i % typical.size()), level).changes().size();
            }
            int n = 100_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += LossGainFusion.of(typical.get(i % typical.size()), level).changes().size();
            }
            double perSecond = n / ((System.nanoTime() - t0) / 1e9);
            System.out.printf("LossGainFusion.of at %d: %.0f karyotypes/s (sink %d)%n", level.bands(), perSecond, sink);
            // loose floor so a loaded CI machine does not fail; the target is 10,000/s
            assertThat(perSecond).isGreaterThan(2_000);
        }
    }
}
