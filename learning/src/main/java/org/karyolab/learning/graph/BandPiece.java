package org.karyolab.learning.graph;

import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ideogram.Band;

/**
 * One reference band as it appears in a (possibly rearranged) chromosome, read pter to qter of that chromosome.
 *
 * <p>{@code reversed} is true when the band lies upside down relative to its own chromosome: inside an inversion,
 * in the mirrored arm of an isochromosome, or in a translocated segment attached in the opposite orientation
 * (a q-arm segment attached at a p-arm break reads qter first). Material of unknown origin ({@code add}, {@code hsr},
 * {@code mar}) is one piece with a null origin and a null band, see {@link #unknown()}.
 */
public record BandPiece(ChromosomeClass origin, Band band, boolean reversed) {

    private static final BandPiece UNKNOWN = new BandPiece(null, null, false);

    public BandPiece {
        if ((origin == null) != (band == null)) {
            throw new IllegalArgumentException("a band piece has both an origin and a band, or neither (unknown material)");
        }
    }

    /** A piece of material of unknown origin: {@code add(19)(p13)}, {@code hsr}, {@code mar}. */
    public static BandPiece unknown() {
        return UNKNOWN;
    }

    /** True for material of unknown origin. */
    public boolean isUnknown() {
        return band == null;
    }

    @Override
    public String toString() {
        return isUnknown() ? "?" : band.name() + (reversed ? "(rev)" : "");
    }
}
