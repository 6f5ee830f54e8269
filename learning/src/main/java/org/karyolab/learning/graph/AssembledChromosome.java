package org.karyolab.learning.graph;

import java.util.List;

/** A chromosome of a cell with its junctions, as {@link DerivativeAssembler} made it. */
public record AssembledChromosome(DerivedChromosome chromosome, List<Junction> junctions) {

    public AssembledChromosome {
        junctions = List.copyOf(junctions);
    }
}
