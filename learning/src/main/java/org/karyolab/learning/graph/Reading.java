package org.karyolab.learning.graph;

import java.util.List;
import org.karyolab.schema.iscn.Karyotype;

/** What {@link KaryotypeReader} makes of a cell: the ISCN text, its tree, and the evidence per chromosome. */
public record Reading(String iscn, Karyotype karyotype, List<Evidence> evidence) {

    public Reading {
        evidence = List.copyOf(evidence);
    }
}
