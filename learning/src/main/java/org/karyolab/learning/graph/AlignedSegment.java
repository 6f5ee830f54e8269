package org.karyolab.learning.graph;

import org.karyolab.schema.ChromosomeClass;

/**
 * A maximal run of an observed chromosome that is a run of consecutive reference bands: observed positions
 * {@code start..end} (inclusive) are reference bands {@code from..to} of {@code origin} (indices at the level), read
 * reversed when {@code reversed}. A null origin is unknown material. A one-band run counts as forward.
 */
public record AlignedSegment(ChromosomeClass origin, int from, int to, boolean reversed, int start, int end) {

    public boolean isUnknown() {
        return origin == null;
    }

    public int firstRead() {
        return reversed ? to : from;
    }

    public int lastRead() {
        return reversed ? from : to;
    }

    public int length() {
        return end - start + 1;
    }
}
