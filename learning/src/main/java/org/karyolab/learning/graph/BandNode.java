package org.karyolab.learning.graph;

/**
 * A vertex of the karyotype graph: one copy of a band in one chromosome of the cell.
 *
 * @param chromosome index of the chromosome in the cell
 * @param position   index of the band in that chromosome, pter first
 */
public record BandNode(int chromosome, int position, BandPiece piece) {

    /**
     * Chromosome and position alone: they tell the vertices of one graph apart, and hashing the piece (a band record
     * with its name) made building a graph about 70 ns per lookup, which JGraphT does several times per vertex and edge.
     * Equality is still the record's.
     */
    @Override
    public int hashCode() {
        return (chromosome << 16 | position) * 0x9E3779B9; // Fibonacci hashing: spread over every bit
    }
}
