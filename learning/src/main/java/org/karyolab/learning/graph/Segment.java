package org.karyolab.learning.graph;

import org.karyolab.schema.ChromosomeClass;

/**
 * A run of consecutive reference bands {@code from..to} of one chromosome while a derivative is assembled, read
 * forward ({@code from} first) or reversed. Each end carries the index of the break band that made it (-1 at an
 * intact telomere), so that fusions are named by their breakpoints as ISCN writes them. A null origin is material
 * of unknown origin.
 */
record Segment(ChromosomeClass origin, int from, int to, boolean reversed, int labelIn, int labelOut) {

    static Segment unknown() {
        return new Segment(null, 0, 0, false, -1, -1);
    }

    boolean isUnknown() {
        return origin == null;
    }

    /** The same bands read the other way. */
    Segment flip() {
        return new Segment(origin, from, to, !reversed, labelOut, labelIn);
    }

    int firstRead() {
        return reversed ? to : from;
    }

    int lastRead() {
        return reversed ? from : to;
    }

    boolean contains(ChromosomeClass c, int i) {
        return origin == c && from <= i && i <= to;
    }

    int length() {
        return isUnknown() ? 1 : to - from + 1;
    }
}
