package org.karyolab.learning.graph;

import org.karyolab.schema.band.BandName;

/**
 * A place in a derived chromosome where two bands meet that are not neighbours in the reference: a fusion.
 *
 * @param position index of the piece right after the junction (0 for the closure of a ring, which joins the last
 *                 piece to the first)
 * @param left     the break band on the pter side of the junction, null for material of unknown origin
 * @param right    the break band on the qter side, null for material of unknown origin
 */
public record Junction(int position, BandName left, BandName right) {
}
