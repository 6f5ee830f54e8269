package org.karyolab.learning.synth;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.learning.graph.BandPiece;
import org.karyolab.learning.graph.DerivedChromosome;
import org.karyolab.learning.graph.ReferencePaths;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.ideogram.BandStain;

/**
 * What the renderer draws: one chromosome as a run of band segments pter to qter, each with its stain and
 * its ISCN length, and where its centromere lies. Normal and abnormal chromosomes come here the same way,
 * from the band graph's {@link DerivedChromosome} (a list of band pieces), so a {@code del(5)(p15.2)} drawn
 * here really lacks the deleted bands.
 *
 * @param name            ISCN name of the chromosome: "5", "der(22)t(9;22)(q34;q11.2)"
 * @param chromosomeClass the class it is labelled with (the origin of its centromere); null when it has none
 *                        (a marker of unknown material)
 * @param segments        pter to qter
 * @param centromere      position of the centromere in ISCN units from pter; NaN when it has none
 * @param ring            the two ends are joined
 */
public record Banding(String name, ChromosomeClass chromosomeClass, List<Segment> segments, double centromere,
                      boolean ring) {

    /** ISCN length given to a piece of material of unknown origin ({@code add}, {@code hsr}, {@code mar}). */
    static final double UNKNOWN_LENGTH = 400;

    public Banding {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a chromosome needs at least one band");
        }
    }

    /**
     * One band as drawn: its name (with the chromosome it came from; null for material of unknown origin),
     * stain and length in ISCN units.
     */
    public record Segment(BandName band, BandStain stain, double length) {
    }

    /** Total ISCN length. */
    public double length() {
        double sum = 0;
        for (Segment s : segments) {
            sum += s.length();
        }
        return sum;
    }

    public boolean hasCentromere() {
        return !Double.isNaN(centromere);
    }

    /** A normal chromosome as the band graph gives it. */
    public static Banding normal(BandLevel level, ChromosomeClass c) {
        return of(ReferencePaths.at(level).normal(c));
    }

    /**
     * From the band graph's chromosome. The centromere goes in the middle of the run of acen pieces that holds
     * {@code centromereIndex} (between {@code p11.1} and {@code q11}), or at the start of that piece when it is not
     * acen; the class is the origin of that piece.
     */
    public static Banding of(DerivedChromosome chromosome) {
        List<BandPiece> pieces = chromosome.pieces();
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException(chromosome.name() + " has no bands");
        }
        var segments = new ArrayList<Segment>(pieces.size());
        double[] starts = new double[pieces.size() + 1];
        for (int i = 0; i < pieces.size(); i++) {
            BandPiece p = pieces.get(i);
            Segment s = p.isUnknown() ? new Segment(null, BandStain.GPOS50, UNKNOWN_LENGTH)
                    : new Segment(p.band().name(), p.band().stain(), Math.max(1, p.band().iscnStop() - p.band().iscnStart()));
            segments.add(s);
            starts[i + 1] = starts[i] + s.length();
        }
        int ci = chromosome.centromereIndex();
        if (ci < 0) {
            return new Banding(chromosome.name(), null, segments, Double.NaN, chromosome.ring());
        }
        double centromere;
        if (acen(pieces.get(ci))) {
            int from = ci;
            int to = ci;
            while (from > 0 && acen(pieces.get(from - 1))) {
                from--;
            }
            while (to < pieces.size() - 1 && acen(pieces.get(to + 1))) {
                to++;
            }
            centromere = (starts[from] + starts[to + 1]) / 2;
        } else {
            centromere = starts[ci];
        }
        return new Banding(chromosome.name(), pieces.get(ci).origin(), segments, centromere, chromosome.ring());
    }

    private static boolean acen(BandPiece p) {
        return !p.isUnknown() && p.band().stain() == BandStain.ACEN;
    }
}
