package org.karyolab.schema.ideogram;

import org.karyolab.schema.band.Arm;
import org.karyolab.schema.band.BandName;

/**
 * One band of an ideogram at one resolution.
 *
 * @param name      full name with chromosome, e.g. 9q34.1
 * @param iscnStart start in ISCN units (the tables' drawing coordinate, 0 at pter), inclusive
 * @param iscnStop  end in ISCN units
 * @param bpStart   first base pair on GRCh38 (as the NCBI table gives it)
 * @param bpStop    last base pair
 */
public record Band(BandName name, int iscnStart, int iscnStop, long bpStart, long bpStop, BandStain stain) {

    public Arm arm() {
        return name.arm();
    }

    /** True when this band lies within the (coarser or equal) band or region {@code coarse}. */
    public boolean within(BandName coarse) {
        return Ideogram.covers(coarse, name);
    }

    @Override
    public String toString() {
        return name + " " + stain.label() + " [" + iscnStart + ", " + iscnStop + ")";
    }
}
