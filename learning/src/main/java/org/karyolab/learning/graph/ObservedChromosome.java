package org.karyolab.learning.graph;

import java.util.List;

/**
 * An observed chromosome as band names read pter to qter (orientation of single bands is not observable), and
 * whether it is a ring.
 */
public record ObservedChromosome(List<ObservedBand> bands, boolean ring) {

    public ObservedChromosome {
        bands = List.copyOf(bands);
    }

    public ObservedChromosome(List<ObservedBand> bands) {
        this(bands, false);
    }

    /** What an observer sees of a derived chromosome: its band names in order, no orientation. */
    public static ObservedChromosome of(DerivedChromosome d) {
        return new ObservedChromosome(d.pieces().stream()
                .map(p -> p.isUnknown() ? ObservedBand.unknown() : new ObservedBand(p.origin(), p.band().name()))
                .toList(), d.ring());
    }
}
