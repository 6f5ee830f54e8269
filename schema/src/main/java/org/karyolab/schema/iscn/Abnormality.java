package org.karyolab.schema.iscn;

import java.util.List;
import org.karyolab.schema.ChromosomeClass;

/** What an {@link Entry} names: a whole chromosome, markers, double minutes, a rearrangement or a derivative. */
public sealed interface Abnormality {

    /** A whole chromosome gained or lost: {@code +21}, {@code -7}, {@code +X}. */
    record WholeChromosome(ChromosomeClass chromosome) implements Abnormality {
        public WholeChromosome {
            if (chromosome == null) {
                throw new IllegalArgumentException("whole chromosome needs its class");
            }
        }
    }

    /** Marker chromosomes of unknown origin: {@code mar}, {@code 2mar} (copies), {@code mar1} (numbered). */
    record Marker(int copies, Integer number) implements Abnormality {
        public Marker {
            if (copies < 1 || number != null && (number < 1 || copies != 1)) {
                throw new IllegalArgumentException("markers: copies >= 1; a numbered marker has one copy");
            }
        }
    }

    /** Double minutes, with their number per cell or its range when given: {@code dmin}, {@code 2~30dmin}. */
    record DoubleMinutes(CellLine.ChromosomeCount count) implements Abnormality {
    }

    /**
     * A structural rearrangement: {@code del(5)(q13q33)}, {@code t(1;3;5)(p36;q21;q31)}, {@code ins(5;2)(p14;q22q32)}.
     *
     * @param chromosomes the chromosomes in the first parentheses; null for {@code ?} (unknown)
     * @param breakpoints one group per chromosome, in the same order; empty when not given (lenient M-FISH style)
     */
    record Rearrangement(Rearrangements type, List<ChromosomeClass> chromosomes, List<List<Breakpoint>> breakpoints)
            implements Abnormality {
        public Rearrangement {
            chromosomes = IscnLists.copyAllowingNulls(chromosomes);
            breakpoints = breakpoints.stream().map(List::copyOf).toList();
            if (type == null || chromosomes.isEmpty()) {
                throw new IllegalArgumentException("a rearrangement has a type and at least one chromosome");
            }
        }
    }

    /**
     * A derivative chromosome: {@code der(1)t(1;3)(p36;q21)dup(1)(q21q31)}, {@code der(1;7)(q10;p10)} (whole arms,
     * with its own breakpoints), {@code der(5)} (origin unknown).
     */
    record Derivative(List<ChromosomeClass> chromosomes, List<List<Breakpoint>> breakpoints, List<Rearrangement> events)
            implements Abnormality {
        public Derivative {
            chromosomes = IscnLists.copyAllowingNulls(chromosomes);
            breakpoints = breakpoints.stream().map(List::copyOf).toList();
            events = List.copyOf(events);
            if (chromosomes.isEmpty()) {
                throw new IllegalArgumentException("a derivative names at least one chromosome");
            }
        }
    }
}
