package org.karyolab.learning.graph;

import java.util.List;

/**
 * One chromosome of a cell as bands read pter to qter: a normal homolog ("9") or a rearranged one
 * ("der(22)t(9;22)(q34;q11.2)", "r(7)(p22q36)").
 *
 * @param name             the ISCN name of the chromosome: its class label when normal, else the abnormality text
 * @param pieces           the bands, pter to qter
 * @param ring             the ends are joined (the last piece is followed by the first)
 * @param centromereIndex  index in {@code pieces} of the acen band nearest the functional centromere, -1 if none
 *                         (markers of unknown material, acentric fragments)
 */
public record DerivedChromosome(String name, List<BandPiece> pieces, boolean ring, int centromereIndex) {

    public DerivedChromosome {
        pieces = List.copyOf(pieces);
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a chromosome has a name");
        }
        if (centromereIndex < -1 || centromereIndex >= pieces.size()) {
            throw new IllegalArgumentException("centromere index " + centromereIndex + " outside 0.." + pieces.size());
        }
    }

    public int size() {
        return pieces.size();
    }
}
