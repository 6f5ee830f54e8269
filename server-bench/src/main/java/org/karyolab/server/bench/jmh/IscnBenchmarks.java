package org.karyolab.server.bench.jmh;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.karyolab.learning.graph.KaryotypeGraph;
import org.karyolab.learning.graph.LossGainFusion;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.IscnResult;
import org.karyolab.schema.iscn.Karyotype;
import org.karyolab.schema.iscn.Mode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Karyotype throughput on one thread, one operation = one karyotype: (a) lenient parsing of {@link KaryotypeCorpus}
 * (50 strings); (b) building the band graph and computing Loss/Gain/Fusion from it for those that have a band-level
 * effect (the ADIR-style ones without breakpoints and the markers have none to place, so they are left out).
 * Run with {@code karyolab bench iscn}.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IscnBenchmarks {

    @State(Scope.Thread)
    public static class Texts {
        String[] karyotypes;

        @Setup(Level.Trial)
        public void load() {
            karyotypes = KaryotypeCorpus.KARYOTYPES.toArray(String[]::new);
            if (karyotypes.length != PARSE_OPS) {
                throw new IllegalStateException("the corpus has " + karyotypes.length + " karyotypes, the benchmark counts " + PARSE_OPS);
            }
            for (String k : karyotypes) {
                if (!(Iscn.parse(k, Mode.LENIENT) instanceof IscnResult.Parsed)) {
                    throw new IllegalStateException("benchmark karyotype does not parse: " + k);
                }
            }
        }
    }

    @State(Scope.Thread)
    public static class Parsed {
        @Param({"400", "550", "850"})
        public int level;

        BandLevel bandLevel;
        Karyotype[] karyotypes;

        @Setup(Level.Trial)
        public void load() {
            bandLevel = BandLevel.of(level);
            var placeable = new ArrayList<Karyotype>();
            for (String text : KaryotypeCorpus.KARYOTYPES) {
                Karyotype k = Iscn.parse(text, Mode.LENIENT).orThrow();
                try {
                    LossGainFusion.of(KaryotypeGraph.of(k, bandLevel));
                    placeable.add(k);
                } catch (IllegalArgumentException unplaceable) {
                    // no breakpoints or an unknown chromosome: nothing to build
                }
            }
            if (placeable.size() < GRAPH_OPS) {
                throw new IllegalStateException("only " + placeable.size() + " corpus karyotypes have a band-level effect");
            }
            karyotypes = placeable.subList(0, GRAPH_OPS).toArray(Karyotype[]::new);
        }
    }

    static final int PARSE_OPS = 50;
    static final int GRAPH_OPS = 40;

    @Benchmark
    @OperationsPerInvocation(PARSE_OPS)
    public void parse(Texts texts, Blackhole bh) {
        for (String k : texts.karyotypes) {
            bh.consume(Iscn.parse(k, Mode.LENIENT));
        }
    }

    @Benchmark
    @OperationsPerInvocation(GRAPH_OPS)
    public void graphAndLossGainFusion(Parsed parsed, Blackhole bh) {
        for (Karyotype k : parsed.karyotypes) {
            bh.consume(LossGainFusion.of(KaryotypeGraph.of(k, parsed.bandLevel)));
        }
    }
}
