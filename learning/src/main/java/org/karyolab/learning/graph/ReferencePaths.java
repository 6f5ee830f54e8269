package org.karyolab.learning.graph;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.Arm;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.ideogram.Band;
import org.karyolab.schema.ideogram.BandStain;
import org.karyolab.schema.ideogram.Ideogram;
import org.karyolab.schema.ideogram.Ideograms;

/**
 * The normal chromosomes at one band level as index arrays, built once per level and shared: every assembly and
 * every copy-number count works on small integers (band index within its chromosome, or across the genome) instead
 * of names, which is what keeps {@link LossGainFusion#of} at tens of thousands of karyotypes per second.
 */
public final class ReferencePaths {

    private static final ChromosomeClass[] CLASSES = ChromosomeClass.values();
    private static final Map<BandLevel, ReferencePaths> CACHE = new EnumMap<>(BandLevel.class);

    private final BandLevel level;
    private final Ideogram ideogram;
    private final Band[][] bands;
    private final int[] offset;
    private final int total;
    private final int[] firstQ;
    private final BandPiece[][] forward;
    private final BandPiece[][] backward;
    private final DerivedChromosome[] normal;
    private final IdentityHashMap<Band, Integer> localIndex = new IdentityHashMap<>();
    private final Map<BandName, Integer> byName = new HashMap<>();

    private ReferencePaths(BandLevel level) {
        this.level = level;
        this.ideogram = Ideograms.at(level);
        int n = CLASSES.length;
        bands = new Band[n][];
        offset = new int[n + 1];
        firstQ = new int[n];
        forward = new BandPiece[n][];
        backward = new BandPiece[n][];
        normal = new DerivedChromosome[n];
        int running = 0;
        for (ChromosomeClass c : CLASSES) {
            int o = c.ordinal();
            List<Band> list = ideogram.bands(c);
            bands[o] = list.toArray(Band[]::new);
            offset[o] = running;
            running += list.size();
            forward[o] = new BandPiece[list.size()];
            backward[o] = new BandPiece[list.size()];
            firstQ[o] = list.size();
            int acen = -1;
            for (int i = 0; i < list.size(); i++) {
                Band b = list.get(i);
                forward[o][i] = new BandPiece(c, b, false);
                backward[o][i] = new BandPiece(c, b, true);
                localIndex.put(b, i);
                byName.put(b.name(), i);
                if (b.arm() == Arm.Q && firstQ[o] == list.size()) {
                    firstQ[o] = i;
                }
                if (acen < 0 && b.stain() == BandStain.ACEN) {
                    acen = i;
                }
            }
            normal[o] = new DerivedChromosome(c.label(), List.of(forward[o]), false, acen);
        }
        offset[n] = running;
        total = running;
    }

    /** The shared reference paths at this level (built on first use). */
    public static ReferencePaths at(BandLevel level) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(level, ReferencePaths::new);
        }
    }

    public BandLevel level() {
        return level;
    }

    public Ideogram ideogram() {
        return ideogram;
    }

    /** The normal chromosome of this class, pter to qter; one shared instance per level and class. */
    public DerivedChromosome normal(ChromosomeClass c) {
        return normal[c.ordinal()];
    }

    /** Is this exactly the shared normal instance (identity, so it costs nothing)? */
    boolean isNormalInstance(DerivedChromosome d) {
        for (DerivedChromosome n : normal) {
            if (n == d) {
                return true;
            }
        }
        return false;
    }

    int size(ChromosomeClass c) {
        return bands[c.ordinal()].length;
    }

    Band band(ChromosomeClass c, int i) {
        return bands[c.ordinal()][i];
    }

    BandPiece piece(ChromosomeClass c, int i, boolean reversed) {
        return reversed ? backward[c.ordinal()][i] : forward[c.ordinal()][i];
    }

    /** Index of the first q-arm band (the q-side centromere band) of {@code c}. */
    int firstQ(ChromosomeClass c) {
        return firstQ[c.ordinal()];
    }

    Arm arm(ChromosomeClass c, int i) {
        return i < firstQ[c.ordinal()] ? Arm.P : Arm.Q;
    }

    boolean acen(ChromosomeClass c, int i) {
        return bands[c.ordinal()][i].stain() == BandStain.ACEN;
    }

    /** Index of a band within its chromosome; the band must come from this level's ideogram. */
    int localIndex(Band b) {
        Integer i = localIndex.get(b);
        if (i == null) {
            throw new IllegalArgumentException("band " + b.name() + " is not a " + level.bands() + "-band ideogram band");
        }
        return i;
    }

    /** Index across the genome (chromosome 1 first, Y last). */
    int globalIndex(ChromosomeClass c, int local) {
        return offset[c.ordinal()] + local;
    }

    int globalOffset(ChromosomeClass c) {
        return offset[c.ordinal()];
    }

    int totalBands() {
        return total;
    }

    /** Index of the band of exactly this name (with chromosome) at this level, or -1. */
    int indexOf(BandName name) {
        Integer i = byName.get(name);
        return i == null ? -1 : i;
    }

    Band bandAtGlobal(int g) {
        int o = 0;
        while (offset[o + 1] <= g) {
            o++;
        }
        return bands[o][g - offset[o]];
    }

    /**
     * The run of bands at this level that a breakpoint name stands for (see docs/KARYOTYPE-REASONING.md):
     * a coarser name ({@code q34} at 550) is its covering run, a finer one ({@code q11.21} at 400) the band containing
     * it, {@code p10}/{@code q10} the whole arm including its centromere band, {@code pter}/{@code qter} the end band.
     */
    Run resolve(ChromosomeClass c, BandName bare) {
        BandName name = bare.chromosome() == null ? bare.withChromosome(c) : bare;
        int last = size(c) - 1;
        if (name.arm() != null && Integer.valueOf(1).equals(name.region()) && Integer.valueOf(0).equals(name.band())
                && name.subBand() == null) {
            return name.arm() == Arm.P ? new Run(0, firstQ(c) - 1, Arm.P, true) : new Run(firstQ(c), last, Arm.Q, true);
        }
        if (name.terminal()) {
            return name.arm() == Arm.P ? new Run(0, 0, Arm.P, false) : new Run(last, last, Arm.Q, false);
        }
        int exact = indexOf(name);
        if (exact >= 0) {
            return new Run(exact, exact, arm(c, exact), false);
        }
        List<Band> covering = ideogram.covering(name);
        if (!covering.isEmpty()) {
            int lo = localIndex(covering.getFirst());
            int hi = localIndex(covering.getLast());
            return new Run(lo, hi, arm(c, lo), false);
        }
        var containing = ideogram.containing(name);
        if (containing.isPresent()) {
            int i = localIndex(containing.get());
            return new Run(i, i, arm(c, i), false);
        }
        throw new IllegalArgumentException("breakpoint " + name + " is not a band of the " + level.bands() + "-band ideogram");
    }

    /**
     * A breakpoint resolved to band indices {@code lo..hi} (inclusive) of one chromosome.
     *
     * @param wholeArm the breakpoint was {@code p10} or {@code q10}: the break is at the centromere and the run is the arm
     */
    record Run(int lo, int hi, Arm arm, boolean wholeArm) {
    }
}
