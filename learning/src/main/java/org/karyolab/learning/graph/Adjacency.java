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
}
