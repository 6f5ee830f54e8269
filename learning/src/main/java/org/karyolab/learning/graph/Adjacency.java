package org.karyolab.learning.graph;

import org.karyolab.schema.band.BandName;

/**
 * A directed edge of the karyotype graph, pter toward qter: two bands that are neighbours in the reference
 * ({@link Kind#REFERENCE}), or fused by a rearrangement ({@link Kind#JUNCTION}, with the break bands on each side).
 * Chromosome and position (of the edge's target) make every edge distinct, as JGraphT needs.
 */
public record Adjacency(Kind kind, int chromosome, int position, BandName leftBreak, BandName rightBreak) {

    public enum Kind {
        REFERENCE, JUNCTION
    }

    /** Chromosome and position make every edge distinct already; hashing the break names too only costs time. */
    @Override
    public int hashCode() {
        return (chromosome << 16 | position) * 0x9E3779B9; // Fibonacci hashing: spread over every bit
    }
}
