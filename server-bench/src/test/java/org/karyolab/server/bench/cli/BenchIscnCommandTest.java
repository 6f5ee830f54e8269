package org.karyolab.server.bench.cli;

import org.junit.jupiter.api.Test;
import org.karyolab.learning.graph.KaryotypeGraph;
import org.karyolab.learning.graph.LossGainFusion;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.IscnResult;
import org.karyolab.schema.iscn.Mode;
import org.karyolab.server.bench.jmh.KaryotypeCorpus;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code karyolab bench iscn}: the corpus is what the benchmarks count on, and JMH runs them (briefly, in this JVM). */
class BenchIscnCommandTest {

    @Test
    void theCorpusHasFiftyKaryotypesThatParseAndFortyWithABandLevelEffect() {
        assertThat(KaryotypeCorpus.KARYOTYPES).hasSize(50).doesNotHaveDuplicates();
        int placeable = 0;
        for (String k : KaryotypeCorpus.KARYOTYPES) {
            IscnResult r = Iscn.parse(k, Mode.LENIENT);
            assertThat(r).as(k).isInstanceOf(IscnResult.Parsed.class);
            try {
                LossGainFusion.of(KaryotypeGraph.of(r.orThrow(), BandLevel.B850));
                placeable++;
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as(k).contains("breakpoints");
            }
        }
        assertThat(placeable).isGreaterThanOrEqualTo(40);
    }

    @Test
    void runsBothBenchmarksThroughJmhAndReportsAgainstTheTargets() {
        CliRun run = CliRun.of("bench", "iscn", "--forks", "0", "--warmup", "0", "--iterations", "1", "--seconds", "1");
        assertThat(run.exit()).isZero();
        String text = run.out();
        assertThat(text).contains("karyotypes/s on one thread");
        assertThat(text.lines().filter(l -> l.contains(" target "))).hasSize(4); // parse + graph at 400, 550, 850
        assertThat(text).containsPattern("parse\\s+[\\d,]+ ±").containsPattern("graphAndLossGainFusion\\s+level 850\\s+[\\d,]+ ±");
    }
}
