package org.karyolab.schema.band;

/** A band designation that does not parse; says where (0-based column) and what was expected there. */
public final class BandNameException extends IllegalArgumentException {

    private final String input;
    private final int column;
    private final String expected;

    public BandNameException(String input, int column, String expected) {
        super("bad band name '" + input + "' at column " + column + ": " + expected);
        this.input = input;
        this.column = column;
        this.expected = expected;
    }

    public String input() {
        return input;
    }

    /** 0-based index of the offending character (the input length when the text ended too early). */
    public int column() {
        return column;
    }

    /** What the parser wanted at that column, e.g. "expected a digit". */
    public String expected() {
        return expected;
    }
}
