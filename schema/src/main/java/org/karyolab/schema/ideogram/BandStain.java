package org.karyolab.schema.ideogram;

/**
 * Giemsa stain of a band as the NCBI tables give it: light ({@code gneg}), dark in four grades
 * ({@code gpos25}..{@code gpos100}), centromere ({@code acen}), variable heterochromatin ({@code gvar})
 * and the stalks of the acrocentric chromosomes ({@code stalk}).
 */
public enum BandStain {
    GNEG("gneg"), GPOS25("gpos25"), GPOS50("gpos50"), GPOS75("gpos75"), GPOS100("gpos100"),
    ACEN("acen"), GVAR("gvar"), STALK("stalk");

    private final String label;

    BandStain(String label) {
        this.label = label;
    }

    /** The table's spelling, e.g. "gpos75". */
    public String label() {
        return label;
    }

    /** From the table's two columns: stain ("gpos") and density ("75", or empty). */
    static BandStain of(String stain, String density) {
        String label = stain + density;
        for (BandStain s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stain '" + label + "'");
    }
}
