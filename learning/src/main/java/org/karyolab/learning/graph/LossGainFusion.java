package org.karyolab.learning.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.iscn.Karyotype;

/**
 * Copy-number changes and fusions of one cell line per band, the representation CytoGPS computes from karyotype
 * text. Losses and gains are counted against a normal cell of the same sex: two copies of each autosome, and XY when
 * the cell has any Y material, XX otherwise (so 45,X loses one X and 47,XXY gains one). Bands without change are
 * left out; a fusion is listed once per junction (a reciprocal translocation gives two, an inversion two).
 *
 * @param changes the bands with a loss or a gain, in genome order (1pter first, Yqter last)
 * @param fusions the junctions of every chromosome, named by their break bands pter side first
 */
public record LossGainFusion(BandLevel level, List<BandChange> changes, List<Fusion> fusions) {

    public LossGainFusion {
        changes = List.copyOf(changes);
        fusions = List.copyOf(fusions);
    }

    /** Loss and gain of one band (at most one of them non-zero). */
    public record BandChange(BandName band, int loss, int gain) {
    }

    /** Two break bands joined; null stands for material of unknown origin (add, hsr, mar). */
    public record Fusion(BandName left, BandName right) {
        @Override
        public String toString() {
            return (left == null ? "?" : left.toString()) + "::" + (right == null ? "?" : right.toString());
        }
    }

    /** The first cell line (the stemline) of a karyotype: the entry point for benchmarks. */
    public static LossGainFusion of(Karyotype karyotype, BandLevel level) {
        return of(CellBuilder.assemble(karyotype, 0, level));
    }

    /** One result per cell line, in the order written (mosaics, clones). */
    public static List<LossGainFusion> perCellLine(Karyotype karyotype, BandLevel level) {
        var out = new ArrayList<LossGainFusion>(karyotype.cellLines().size());
        for (int i = 0; i < karyotype.cellLines().size(); i++) {
            out.add(of(CellBuilder.assemble(karyotype, i, level)));
        }
        return out;
    }

    public static LossGainFusion of(Cell cell) {
        ReferencePaths ref = ReferencePaths.at(cell.level());
        int[] copies = new int[ref.totalBands()];
        int[] wholeCopies = new int[ChromosomeClass.values().length];
        boolean male = false;
        var fusions = new ArrayList<Fusion>();
        for (AssembledChromosome ac : cell.chromosomes()) {
            DerivedChromosome d = ac.chromosome();
            if (ref.isNormalInstance(d)) {
                // a normal homolog adds one to every band of its class: count it once, not band by band
                ChromosomeClass c = d.pieces().getFirst().origin();
                wholeCopies[c.ordinal()]++;
                male |= c == ChromosomeClass.Y;
                continue;
            }
            for (BandPiece p : d.pieces()) {
                if (!p.isUnknown()) {
                    copies[ref.globalIndex(p.origin(), ref.localIndex(p.band()))]++;
                    male |= p.origin() == ChromosomeClass.Y;
                }
            }
            for (Junction j : ac.junctions()) {
                fusions.add(new Fusion(j.left(), j.right()));
            }
        }
        return fromCopies(ref, copies, wholeCopies, male, fusions);
    }

    /** The same from the band graph: vertices are band copies, junction edges the fusions. */
    public static LossGainFusion of(KaryotypeGraph graph) {
        ReferencePaths ref = ReferencePaths.at(graph.level());
        int[] copies = new int[ref.totalBands()];
        boolean male = false;
        // The paths hold every vertex once, in order: cheaper to walk than the graph's vertex map.
        for (int c = 0; c < graph.chromosomeCount(); c++) {
            for (BandNode v : graph.path(c)) {
                BandPiece p = v.piece();
                if (!p.isUnknown()) {
                    copies[ref.globalIndex(p.origin(), ref.localIndex(p.band()))]++;
                    male |= p.origin() == ChromosomeClass.Y;
                }
            }
        }
        var fusions = new ArrayList<Fusion>();
        for (Adjacency e : graph.junctions()) {
            fusions.add(new Fusion(e.leftBreak(), e.rightBreak()));
        }
        return fromCopies(ref, copies, new int[ChromosomeClass.values().length], male, fusions);
    }

    private static LossGainFusion fromCopies(ReferencePaths ref, int[] copies, int[] wholeCopies, boolean male,
                                             List<Fusion> fusions) {
        var changes = new ArrayList<BandChange>();
        for (ChromosomeClass c : ChromosomeClass.values()) {
            int expected = c == ChromosomeClass.X ? (male ? 1 : 2) : c == ChromosomeClass.Y ? (male ? 1 : 0) : 2;
            int base = ref.globalOffset(c);
            for (int i = 0, n = ref.size(c); i < n; i++) {
                int have = copies[base + i] + wholeCopies[c.ordinal()];
                if (have != expected) {
                    changes.add(new BandChange(ref.band(c, i).name(), Math.max(0, expected - have), Math.max(0, have - expected)));
                }
            }
        }
        return new LossGainFusion(ref.level(), changes, fusions);
    }

    /** Copies lost at this band (full name, e.g. "5q21"); 0 when unchanged. */
    public int loss(String band) {
        BandChange c = index().get(BandName.parse(band));
        return c == null ? 0 : c.loss();
    }

    /** Copies gained at this band; 0 when unchanged. */
    public int gain(String band) {
        BandChange c = index().get(BandName.parse(band));
        return c == null ? 0 : c.gain();
    }

    /** The bands with a loss, in genome order. */
    public List<BandName> lost() {
        return changes.stream().filter(c -> c.loss() > 0).map(BandChange::band).toList();
    }

    /** The bands with a gain, in genome order. */
    public List<BandName> gained() {
        return changes.stream().filter(c -> c.gain() > 0).map(BandChange::band).toList();
    }

    private Map<BandName, BandChange> index() {
        var m = new HashMap<BandName, BandChange>();
        changes.forEach(c -> m.put(c.band(), c));
        return m;
    }
}
