package org.karyolab.learning.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.karyolab.learning.graph.CellBuilder;
import org.karyolab.learning.graph.DerivedChromosome;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.Karyotype;

/**
 * Synthetic cells: a karyotype becomes its chromosomes (through the band graph), and each cell a metaphase
 * spread and a karyogram with their ground truth. The same karyotype, options and seed give the same pixels.
 *
 * <pre>{@code
 * Synth.Cell cell = Synth.cell("46,XY,t(9;22)(q34;q11.2)", SynthOptions.defaults(), 42, 0);
 * cell.metaphase().image();          // 1600x1200 8-bit grey
 * cell.metaphase().chromosomes();    // 46 ChromosomeTruth: class, polarity, mask, axis, key points, bands
 * }</pre>
 */
public final class Synth {

    /** One synthetic cell: its metaphase and its karyogram. */
    public record Cell(int index, long seed, SynthImage metaphase, SynthImage karyogram) {
    }

    private Synth() {
    }

    /** The seed of cell {@code index} of a run with {@code seed}: independent of how many cells the run makes. */
    public static long cellSeed(long seed, int index) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1))).nextLong();
    }

    /** Cell {@code index} of a run: its metaphase and karyogram. */
    public static Cell cell(String karyotype, SynthOptions options, long seed, int index) {
        Karyotype k = Iscn.parse(karyotype).orThrow();
        String canonical = Iscn.write(k);
        List<Banding> chromosomes = chromosomes(k, options.level()).stream().map(Banding::of).toList();
        long cellSeed = cellSeed(seed, index);
        var rnd = new SplittableRandom(cellSeed);
        long metaphaseSeed = rnd.nextLong();
        long karyogramSeed = rnd.nextLong();
        return new Cell(index, cellSeed, MetaphaseRenderer.render(chromosomes, canonical, options, metaphaseSeed),
                KaryogramRenderer.render(chromosomes, canonical, options, karyogramSeed));
    }

    /** Only the metaphase of cell {@code index} (the same pixels as {@link #cell}'s, without drawing the karyogram). */
    public static SynthImage metaphase(String karyotype, SynthOptions options, long seed, int index) {
        Karyotype k = Iscn.parse(karyotype).orThrow();
        List<Banding> chromosomes = chromosomes(k, options.level()).stream().map(Banding::of).toList();
        long metaphaseSeed = new SplittableRandom(cellSeed(seed, index)).nextLong();
        return MetaphaseRenderer.render(chromosomes, Iscn.write(k), options, metaphaseSeed);
    }

    /**
     * The chromosomes of the karyotype's first cell line (the band graph's {@link CellBuilder}), in karyogram order
     * (by the class of their centromere; chromosomes without one last).
     */
    public static List<DerivedChromosome> chromosomes(Karyotype karyotype, BandLevel level) {
        var out = new ArrayList<>(CellBuilder.build(karyotype, level));
        out.sort((p, q) -> Integer.compare(order(p), order(q)));
        return List.copyOf(out);
    }

    private static int order(DerivedChromosome d) {
        int ci = d.centromereIndex();
        return ci < 0 ? 99 : d.pieces().get(ci).origin().ordinal();
    }
}
