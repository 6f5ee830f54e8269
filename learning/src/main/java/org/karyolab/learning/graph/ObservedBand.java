package org.karyolab.learning.graph;

import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.BandName;

/**
 * One band as seen in an observed chromosome: which chromosome it comes from and its name (with chromosome,
 * e.g. 9q34). Material of unknown origin is {@link #unknown()} (both null).
 */
public record ObservedBand(ChromosomeClass origin, BandName band) {

    public ObservedBand {
        if ((origin == null) != (band == null)) {
            throw new IllegalArgumentException("an observed band has an origin and a name, or neither (unknown material)");
        }
        if (band != null && band.chromosome() != origin) {
            band = band.withChromosome(origin);
        }
    }

    public static ObservedBand unknown() {
        return new ObservedBand(null, null);
    }

    public boolean isUnknown() {
        return band == null;
    }

    @Override
    public String toString() {
        return isUnknown() ? "?" : band.toString();
    }
}
