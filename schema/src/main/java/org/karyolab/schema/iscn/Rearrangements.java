package org.karyolab.schema.iscn;

/** The structural rearrangements of ISCN, by symbol. */
public enum Rearrangements {
    DEL("del", "deletion"), DUP("dup", "duplication"), INV("inv", "inversion"), T("t", "translocation"),
    I("i", "isochromosome"), R("r", "ring chromosome"), INS("ins", "insertion"), ADD("add", "additional material of unknown origin"),
    DIC("dic", "dicentric"), IDIC("idic", "isodicentric"), ROB("rob", "Robertsonian translocation"), TRP("trp", "triplication"),
    HSR("hsr", "homogeneously staining region"), FRA("fra", "fragile site");

    private final String symbol;
    private final String meaning;

    Rearrangements(String symbol, String meaning) {
        this.symbol = symbol;
        this.meaning = meaning;
    }

    public String symbol() {
        return symbol;
    }

    public String meaning() {
        return meaning;
    }

    static Rearrangements bySymbol(String s) {
        for (Rearrangements r : values()) {
            if (r.symbol.equals(s)) {
                return r;
            }
        }
        return null;
    }

    /** One chromosome in place of all it names (der(13;14), rob, dic): the count drops by the rest. */
    boolean fusesNamedChromosomes() {
        return this == DIC || this == ROB;
    }
}
