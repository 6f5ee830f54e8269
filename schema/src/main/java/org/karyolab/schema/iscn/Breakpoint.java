package org.karyolab.schema.iscn;

import org.karyolab.schema.band.BandName;

/**
 * A breakpoint inside the parentheses: a band ({@code q34}, chromosome from context), an uncertain band
 * ({@code ?q34}), a range of possible bands ({@code q21~q24}), or unknown ({@code ?}).
 */
public sealed interface Breakpoint {

    /** A band; {@code questioned} writes it {@code ?q34}. The band name has no chromosome: the context gives it. */
    record At(BandName band, boolean questioned) implements Breakpoint {
        public At {
            if (band == null || band.chromosome() != null) {
                throw new IllegalArgumentException("a breakpoint band takes its chromosome from context: q34, not 9q34");
            }
        }

        public static At of(String band) {
            return new At(BandName.parse(band), false);
        }
    }

    /** Somewhere between two bands: {@code q21~q24}. */
    record Between(BandName from, BandName to) implements Breakpoint {
        public Between {
            if (from == null || to == null || from.chromosome() != null || to.chromosome() != null) {
                throw new IllegalArgumentException("both ends of a breakpoint range are bands without chromosome");
            }
        }
    }

    /** {@code ?}: the breakpoint is not known. */
    record Unknown() implements Breakpoint {
    }
}
