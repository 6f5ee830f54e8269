package org.karyolab.schema.iscn;

/**
 * One comma-separated item of a cell line: {@code +21}, {@code -7}, {@code ?del(5)(q13q33)}, {@code +der(22)t(9;22)(q34;q11.2)},
 * {@code t(2;5)(q21;q31)mat}, {@code +21c}, {@code +2mar}.
 *
 * @param sign       gain ({@code +}), loss ({@code -}) or neither (a structural change in place)
 * @param questioned {@code ?}: the identification is uncertain
 * @param origin     {@code c}, {@code mat}, {@code pat}, {@code dn}, or null when not said
 */
public record Entry(Sign sign, boolean questioned, Abnormality abnormality, Origin origin) {

    public Entry {
        if (sign == null || abnormality == null) {
            throw new IllegalArgumentException("an entry has a sign (NONE for none) and an abnormality");
        }
    }

    public static Entry of(Sign sign, Abnormality abnormality) {
        return new Entry(sign, false, abnormality, null);
    }

    public enum Sign {
        NONE(""), GAIN("+"), LOSS("-");

        private final String symbol;

        Sign(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Where an abnormality comes from: constitutional in an acquired karyotype, maternal, paternal, de novo. */
    public enum Origin {
        C("c"), MAT("mat"), PAT("pat"), DN("dn");

        private final String symbol;

        Origin(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Origin bySymbol(String s) {
            for (Origin o : values()) {
                if (o.symbol.equals(s)) {
                    return o;
                }
            }
            return null;
        }
    }
}
