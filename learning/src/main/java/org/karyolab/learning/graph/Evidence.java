package org.karyolab.learning.graph;

import java.util.List;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.BandName;

/**
 * Why the reader called what it called for one observed chromosome: the runs of observed bands matched to reference
 * runs, and the call ("normal 9", "der(22)t(9;22)(q34;q11.2)", "paracentric inversion ...", "unexplained").
 *
 * @param chromosome index of the observed chromosome in the reader's input
 */
public record Evidence(int chromosome, String call, List<Match> matches) {

    public Evidence {
        matches = List.copyOf(matches);
    }

    /**
     * Observed bands {@code observedFrom..observedTo} (inclusive indices) matched reference bands {@code from..to}
     * of {@code origin} in reading order; reversed when read qter-ward to pter-ward. Unknown material: nulls.
     */
    public record Match(int observedFrom, int observedTo, ChromosomeClass origin, BandName from, BandName to, boolean reversed) {
    }
}
