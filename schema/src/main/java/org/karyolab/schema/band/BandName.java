package org.karyolab.schema.band;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.karyolab.schema.ChromosomeClass;

/**
 * An ISCN band designation such as {@code 9q34.1}, {@code Xp22.33}, {@code 1p36}, {@code 1q},
 * {@code pter}, {@code 9qter}, {@code cen}. Bands are numbered outward from the centromere:
 * 9q34.1 = chromosome 9, arm q, region 3, band 4, sub-band "1".
 *
 * <p>Grammar: {@code [chromosome] ( "cen" | arm [ "ter" | region [ band [ "." subBand ] ] ] )}, chromosome
 * 1-22, X or Y (optional when the context says which); arm p or q; region a digit 1-9; band a digit 0-9;
 * subBand one or more digits. JSON: the canonical string.
 *
 * @param chromosome  null when the context supplies it ("q34", "pter")
 * @param arm         null only for the centromere
 * @param region      null for a whole arm, a terminal end or the centromere
 * @param band        null when only the region is given
 * @param subBand     digits after the dot (kept as text: "33" in Xp22.33), or null
 * @param terminal    true for pter/qter
 */
public record BandName(ChromosomeClass chromosome, Arm arm, Integer region, Integer band, String subBand,
                       boolean terminal) {

    public BandName {
        // Constructing an impossible combination is a programming error, not input to validate.
        if (arm == null && (region != null || terminal)) {
            throw new IllegalArgumentException("the centromere has no arm, region or terminal");
        }
        if (terminal && region != null) {
            throw new IllegalArgumentException("a terminal end has no region");
        }
        if (region == null && band != null || band == null && subBand != null) {
            throw new IllegalArgumentException("band needs a region, sub-band needs a band");
        }
        if (region != null && (region < 1 || region > 9) || band != null && (band < 0 || band > 9)
                || subBand != null && !subBand.matches("[0-9]+")) {
            throw new IllegalArgumentException("region 1-9, band 0-9, sub-band digits");
        }
    }

    public static BandName centromere(ChromosomeClass chromosome) {
        return new BandName(chromosome, null, null, null, null, false);
    }

    public static BandName terminal(ChromosomeClass chromosome, Arm arm) {
        return new BandName(chromosome, arm, null, null, null, true);
    }

    /** Whole arm ("1q"), region ("1q3"), band ("9q34") or sub-band ("9q34.1"); pass nulls for the missing levels. */
    public static BandName of(ChromosomeClass chromosome, Arm arm, Integer region, Integer band, String subBand) {
        return new BandName(chromosome, arm, region, band, subBand, false);
    }

    public boolean centromere() {
        return arm == null;
    }

    /** The same band on a given chromosome (fills in what the context supplied). */
    public BandName withChromosome(ChromosomeClass c) {
        return new BandName(c, arm, region, band, subBand, terminal);
    }

    /** Parses strictly; throws {@link BandNameException} with the column of the first offending character. */
    @JsonCreator
    public static BandName parse(String text) {
        if (text == null) {
            throw new BandNameException("null", 0, "expected a band name, got nothing");
        }
        return new Parser(text).parse();
    }

    /** Canonical ISCN form, e.g. "9q34.1", "Xpter", "cen". */
    @JsonValue
    @Override
    public String toString() {
        var sb = new StringBuilder();
        if (chromosome != null) {
            sb.append(chromosome.label());
        }
        if (arm == null) {
            return sb.append("cen").toString();
        }
        sb.append(arm.letter());
        if (terminal) {
            return sb.append("ter").toString();
        }
        if (region != null) {
            sb.append(region);
        }
        if (band != null) {
            sb.append(band);
        }
        if (subBand != null) {
            sb.append('.').append(subBand);
        }
        return sb.toString();
    }

    /** Hand-written recursive-descent parser: small grammar, precise error columns. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        BandName parse() {
            ChromosomeClass chromosome = chromosome();
            if (s.startsWith("cen", i)) {
                i += 3;
                end();
                return centromere(chromosome);
            }
            Arm arm = switch (peek()) {
                case 'p' -> Arm.P;
                case 'q' -> Arm.Q;
                default -> throw error(chromosome == null
                        ? "expected a chromosome (1-22, X, Y), 'p', 'q' or 'cen'" : "expected 'p', 'q' or 'cen'");
            };
            i++;
            if (i == s.length()) {
                return of(chromosome, arm, null, null, null);
            }
            if (s.startsWith("ter", i)) {
                i += 3;
                end();
                return terminal(chromosome, arm);
            }
            if (peek() == '0') {
                throw error("expected a region digit 1-9");
            }
            if (!digit()) {
                throw error("expected a digit or 'ter'");
            }
            int region = s.charAt(i++) - '0';
            if (i == s.length()) {
                return of(chromosome, arm, region, null, null);
            }
            if (!digit()) {
                throw error("expected a digit");
            }
            int band = s.charAt(i++) - '0';
            if (i == s.length()) {
                return of(chromosome, arm, region, band, null);
            }
            if (peek() != '.') {
                throw error("expected '.' before a sub-band");
            }
            i++;
            int start = i;
            while (i < s.length() && digit()) {
                i++;
            }
            if (i == start) {
                throw error("expected a digit");
            }
            end();
            return of(chromosome, arm, region, band, s.substring(start, i));
        }

        /** Optional chromosome: X, Y, or 1-2 digits naming 1..22. */
        private ChromosomeClass chromosome() {
            if (i < s.length() && (s.charAt(i) == 'X' || s.charAt(i) == 'Y')) {
                return ChromosomeClass.parse(String.valueOf(s.charAt(i++)));
            }
            int start = i;
            while (i < s.length() && i - start < 2 && digit()) {
                i++;
            }
            if (i == start) {
                return null;
            }
            String number = s.substring(start, i);
            if (number.charAt(0) == '0' || Integer.parseInt(number) > 22) {
                i = start;
                throw error("expected a chromosome 1-22, X or Y");
            }
            if (digit()) {
                throw error("expected 'p', 'q' or 'cen'");
            }
            return ChromosomeClass.parse(number);
        }

        private void end() {
            if (i != s.length()) {
                throw error("expected end of band name");
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private boolean digit() {
            return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
        }

        private BandNameException error(String expected) {
            return new BandNameException(s, i, i == s.length() ? expected + " but the text ended" : expected);
        }
    }
}
