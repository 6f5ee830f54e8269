package org.karyolab.learning.graph;

/**
 * A vertex of the karyotype graph: one copy of a band in one chromosome of the cell.
 *
 * @param chromosome index of the chromosome in the cell
 * @param position   index of the band in that chromosome, pter first
 */
public record BandNode(int chromosome, int position, BandPiece piece) {
}
