package org.karyolab.schema.iscn;

import java.util.List;

/**
 * One cell line or clone: {@code 47,XY,+21}, {@code 45~48,XX,+8,-10,+mar[cp10]}, {@code 47,idem,+8[5]}.
 *
 * @param count      the modal number, or a range in composite karyotypes
 * @param reference  the sex chromosomes, or which earlier line this one builds on ({@code idem}, {@code sl}, {@code sdl})
 * @param entries    the abnormalities, in the order written
 * @param incomplete {@code inc}: not every abnormality could be identified
 * @param cells      the cell count in brackets, or null when not given
 */
public record CellLine(ChromosomeCount count, Reference reference, List<Entry> entries, boolean incomplete, CellCount cells) {

    public CellLine {
        if (count == null || reference == null || entries == null) {
            throw new IllegalArgumentException("a cell line has a count, sex chromosomes or idem/sl/sdl, and entries");
        }
        entries = List.copyOf(entries);
    }

    /** The modal number: {@code 46}, or {@code 45~48} (low < high). */
    public record ChromosomeCount(int low, int high) {
        public ChromosomeCount {
            if (low < 0 || high < low) {
                throw new IllegalArgumentException("count range " + low + "~" + high);
            }
        }

        public static ChromosomeCount of(int n) {
            return new ChromosomeCount(n, n);
        }

        public boolean range() {
            return low != high;
        }

        @Override
        public String toString() {
            return range() ? low + "~" + high : Integer.toString(low);
        }
    }

    /** {@code [20]}: cells counted; {@code [cp10]}: a composite karyotype over 10 cells. */
    public record CellCount(int cells, boolean composite) {
        public CellCount {
            if (cells < 0) {
                throw new IllegalArgumentException("negative cell count");
            }
        }
    }

    /** What follows the count: the sex chromosomes, or a reference to an earlier line of the same karyotype. */
    public sealed interface Reference {
    }

    /**
     * The sex chromosome complement ({@code XX}, {@code XY}, {@code X}, {@code XXY}), X first.
     * Structurally abnormal sex chromosomes are not listed here but as entries ({@code 46,X,i(X)(q10)}).
     *
     * @param constitutional {@code c}: the complement is constitutional, in an acquired karyotype ({@code XXYc})
     */
    public record SexChromosomes(int x, int y, boolean constitutional) implements Reference {
        public SexChromosomes {
            if (x < 0 || y < 0 || x + y == 0) {
                throw new IllegalArgumentException("sex chromosomes need at least one X or Y");
            }
        }

        public static SexChromosomes of(String xy) {
            return new SexChromosomes((int) xy.chars().filter(ch -> ch == 'X').count(),
                    (int) xy.chars().filter(ch -> ch == 'Y').count(), false);
        }

        public int total() {
            return x + y;
        }
    }

    /** {@code idem}: the stemline's abnormalities, plus those listed. */
    public record Idem() implements Reference {
    }

    /** {@code sl}: the stemline. */
    public record Stemline() implements Reference {
    }

    /** {@code sdl}, {@code sdl1}, {@code sdl2}: a sideline (the previous line when not numbered). */
    public record Sideline(Integer number) implements Reference {
        public Sideline {
            if (number != null && number < 1) {
                throw new IllegalArgumentException("sidelines are numbered from 1");
            }
        }
    }
}
