package org.karyolab.schema.ideogram;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.Arm;
import org.karyolab.schema.band.BandName;

/**
 * The banded ideogram of the human chromosomes at one resolution: per chromosome its bands in order
 * pter to qter. Get one with {@link Ideograms#at(BandLevel)}.
 *
 * <p>Band names nest across levels: {@code 1p36} (300) covers {@code 1p36.1}..{@code 1p36.3} (400, 550)
 * and {@code 1p36.11}..{@code 1p36.33} (850); {@code 1p36.13} lies inside {@code 1p36.1}. A name covers
 * another when it is a prefix of it in region, band and sub-band digits.
 */
public final class Ideogram {

    private final BandLevel level;
    private final Map<ChromosomeClass, List<Band>> bands;
    private final Map<BandName, Band> byName = new HashMap<>();

    Ideogram(BandLevel level, Map<ChromosomeClass, List<Band>> bands) {
        this.level = level;
        var copy = new EnumMap<ChromosomeClass, List<Band>>(ChromosomeClass.class);
        bands.forEach((c, list) -> copy.put(c, List.copyOf(list)));
        this.bands = copy;
        copy.values().forEach(list -> list.forEach(b -> byName.put(b.name(), b)));
    }

    public BandLevel level() {
        return level;
    }

    /** The bands of one chromosome, pter to qter. */
    public List<Band> bands(ChromosomeClass chromosome) {
        return bands.getOrDefault(chromosome, List.of());
    }

    /** The band of exactly this name at this level, e.g. {@code band("9q34.1")} at 550. */
    public Optional<Band> band(String name) {
        return band(BandName.parse(name));
    }

    /** The band of exactly this name (which must name its chromosome) at this level. */
    public Optional<Band> band(BandName name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The run of bands at this level that make up {@code name}: a coarser name gives several
     * ({@code 1p36} at 850 gives 1p36.33..1p36.11), an equal one gives itself, a whole arm gives all its bands,
     * {@code cen} the two centromere bands; a finer name than this level has gives nothing (see
     * {@link #containing}). In pter-to-qter order.
     */
    public List<Band> covering(BandName name) {
        requireChromosome(name);
        var run = new ArrayList<Band>();
        for (Band b : bands(name.chromosome())) {
            if (name.centromere() ? b.stain() == BandStain.ACEN : covers(name, b.name())) {
                run.add(b);
            }
        }
        return run;
    }

    /** The band at this level that contains the finer (or equal) band {@code finer}: 1p36.13 at 400 is in 1p36.1. */
    public Optional<Band> containing(BandName finer) {
        requireChromosome(finer);
        for (Band b : bands(finer.chromosome())) {
            if (covers(b.name(), finer)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** True when some band at this level is {@code name} or lies inside it (the name is drawable at this level). */
    public boolean knows(BandName name) {
        return !covering(name).isEmpty() || containing(name).isPresent();
    }

    /**
     * Does {@code coarse} cover {@code fine}? Same chromosome and arm; region, band and sub-band of
     * {@code coarse} each absent or equal (the sub-band as a digit prefix: 36.1 covers 36.13).
     * A terminal end or the centromere covers only itself.
     */
    static boolean covers(BandName coarse, BandName fine) {
        if (coarse.chromosome() != fine.chromosome() || coarse.arm() != fine.arm()
                || coarse.terminal() || fine.terminal() || coarse.centromere() || fine.centromere()) {
            return coarse.equals(fine);
        }
        if (coarse.region() == null) {
            return true;
        }
        if (!coarse.region().equals(fine.region())) {
            return false;
        }
        if (coarse.band() == null) {
            return true;
        }
        if (!coarse.band().equals(fine.band())) {
            return false;
        }
        return coarse.subBand() == null || fine.subBand() != null && fine.subBand().startsWith(coarse.subBand());
    }

    /**
     * The 300-band view: the bands of {@code finer} merged up to region+band ({@code 1p36.1}..{@code 1p36.3}
     * become {@code 1p36}). A merged band takes the stain that covers most of its length,
     * or {@code acen} when it holds the centromere.
     */
    static Ideogram mergedToBands(Ideogram finer, BandLevel level) {
        var merged = new EnumMap<ChromosomeClass, List<Band>>(ChromosomeClass.class);
        for (ChromosomeClass c : ChromosomeClass.values()) {
            var out = new ArrayList<Band>();
            var run = new ArrayList<Band>();
            for (Band b : finer.bands(c)) {
                if (!run.isEmpty() && !bandOnly(run.getFirst().name()).equals(bandOnly(b.name()))) {
                    out.add(merge(run));
                    run.clear();
                }
                run.add(b);
            }
            if (!run.isEmpty()) {
                out.add(merge(run));
            }
            merged.put(c, out);
        }
        return new Ideogram(level, merged);
    }

    private static BandName bandOnly(BandName n) {
        return BandName.of(n.chromosome(), n.arm(), n.region(), n.band(), null);
    }

    private static Band merge(List<Band> run) {
        var stainLength = new EnumMap<BandStain, Integer>(BandStain.class);
        for (Band b : run) {
            stainLength.merge(b.stain(), b.iscnStop() - b.iscnStart(), Integer::sum);
        }
        BandStain stain = run.getFirst().stain();
        for (var e : stainLength.entrySet()) {
            if (e.getValue() > stainLength.get(stain)) {
                stain = e.getKey();
            }
        }
        if (stainLength.containsKey(BandStain.ACEN)) {
            stain = BandStain.ACEN; // keep the centromere findable: 2p11.2 + 2p11.1 (acen) become 2p11 (acen)
        }
        Band first = run.getFirst();
        Band last = run.getLast();
        return new Band(bandOnly(first.name()), first.iscnStart(), last.iscnStop(), first.bpStart(), last.bpStop(), stain);
    }

    private static void requireChromosome(BandName name) {
        if (name.chromosome() == null) {
            throw new IllegalArgumentException("band name '" + name + "' needs its chromosome here, e.g. 9q34");
        }
    }

    @Override
    public String toString() {
        return "Ideogram[" + level.bands() + " bands, " + byName.size() + " named]";
    }

    /** The bands of one arm, in pter-to-qter order. */
    public List<Band> arm(ChromosomeClass chromosome, Arm arm) {
        return bands(chromosome).stream().filter(b -> b.arm() == arm).toList();
    }
}
