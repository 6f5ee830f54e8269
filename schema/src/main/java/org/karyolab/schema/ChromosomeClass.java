package org.karyolab.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The 24 human chromosome classes: autosomes 1-22 and the sex chromosomes X and Y. JSON: "1".."22", "X", "Y". */
public enum ChromosomeClass {
    C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14, C15, C16, C17, C18, C19, C20, C21, C22, X, Y;

    /** ISCN spelling: "1".."22", "X", "Y". */
    @JsonValue
    public String label() {
        return switch (this) {
            case X -> "X";
            case Y -> "Y";
            default -> name().substring(1);
        };
    }

    /** Karyogram position 1..24 (X = 23, Y = 24). */
    public int number() {
        return ordinal() + 1;
    }

    public boolean autosome() {
        return this != X && this != Y;
    }

    /** Denver group A-G used to lay out a karyogram (X goes with C, Y with G by size and shape). */
    public char group() {
        return switch (this) {
            case C1, C2, C3 -> 'A';
            case C4, C5 -> 'B';
            case C6, C7, C8, C9, C10, C11, C12, X -> 'C';
            case C13, C14, C15 -> 'D';
            case C16, C17, C18 -> 'E';
            case C19, C20 -> 'F';
            case C21, C22, Y -> 'G';
        };
    }

    /** JSON reads only strings: a bare number 21 is a wrong type, not class "21". */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static ChromosomeClass fromJson(Object value) {
        if (value instanceof String label) {
            return parse(label);
        }
        throw new IllegalArgumentException("chromosome class must be a string such as \"21\" or \"X\", not " + value);
    }

    /** Parses the ISCN spelling strictly ("7", "X"); anything else, e.g. "25", "07" or "x", is rejected. */
    public static ChromosomeClass parse(String label) {
        for (ChromosomeClass c : values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown chromosome class '" + label + "', expected 1-22, X or Y");
    }

    /** Class by karyogram position 1..24. */
    public static ChromosomeClass of(int number) {
        if (number < 1 || number > 24) {
            throw new IllegalArgumentException("chromosome number must be 1..24, was " + number);
        }
        return values()[number - 1];
    }
}
