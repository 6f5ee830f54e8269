package org.karyolab.learning.graph;

import java.util.List;
import org.karyolab.schema.BandLevel;

/** The chromosomes of one cell line at one band level, each with its junctions. */
public record Cell(BandLevel level, List<AssembledChromosome> chromosomes) {

    public Cell {
        chromosomes = List.copyOf(chromosomes);
    }

    public List<DerivedChromosome> derived() {
        return chromosomes.stream().map(AssembledChromosome::chromosome).toList();
    }
}
