package org.karyolab.schema.band;

/** Chromosome arm: p (short) or q (long). */
public enum Arm {
    P, Q;

    /** ISCN letter: "p" or "q". */
    public String letter() {
        return this == P ? "p" : "q";
    }
}
