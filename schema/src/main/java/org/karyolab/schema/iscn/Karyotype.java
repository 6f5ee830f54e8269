package org.karyolab.schema.iscn;

import java.util.List;

/**
 * A karyotype in ISCN: one cell line ({@code 46,XY,t(9;22)(q34;q11.2)}) or several separated by {@code /}:
 * clones of a tumour ({@code 46,XX,t(8;21)(q22;q22)[10]/47,idem,+8[5]}), or a constitutional mosaic or chimera
 * with the prefix {@code mos} or {@code chi}. Parse with {@link Iscn#parse}, write with {@link Iscn#write}.
 */
public record Karyotype(Mosaicism mosaicism, List<CellLine> cellLines) {

    public Karyotype {
        if (mosaicism == null || cellLines == null || cellLines.isEmpty()) {
            throw new IllegalArgumentException("a karyotype has a mosaicism (NONE for none) and at least one cell line");
        }
        cellLines = List.copyOf(cellLines);
    }

    public static Karyotype of(CellLine... lines) {
        return new Karyotype(Mosaicism.NONE, List.of(lines));
    }

    /** How several cell lines relate: {@code mos} (one zygote), {@code chi} (several), or neither (clones, or one line). */
    public enum Mosaicism {
        NONE(""), MOS("mos"), CHI("chi");

        private final String symbol;

        Mosaicism(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
