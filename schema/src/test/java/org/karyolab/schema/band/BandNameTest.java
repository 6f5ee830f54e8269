package org.karyolab.schema.band;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.Generators;

class BandNameTest {

    @Test
    void parsesEveryLevelOfDetail() {
        assertThat(BandName.parse("9q34.1")).isEqualTo(BandName.of(ChromosomeClass.C9, Arm.Q, 3, 4, "1"));
        assertThat(BandName.parse("Xp22.33")).isEqualTo(BandName.of(ChromosomeClass.X, Arm.P, 2, 2, "33"));
        assertThat(BandName.parse("1p36")).isEqualTo(BandName.of(ChromosomeClass.C1, Arm.P, 3, 6, null));
        assertThat(BandName.parse("1q")).isEqualTo(BandName.of(ChromosomeClass.C1, Arm.Q, null, null, null));
        assertThat(BandName.parse("q3")).isEqualTo(BandName.of(null, Arm.Q, 3, null, null));
        assertThat(BandName.parse("pter")).isEqualTo(BandName.terminal(null, Arm.P));
        assertThat(BandName.parse("9qter")).isEqualTo(BandName.terminal(ChromosomeClass.C9, Arm.Q));
        assertThat(BandName.parse("cen")).isEqualTo(BandName.centromere(null));
        assertThat(BandName.parse("9cen").centromere()).isTrue();
        assertThat(BandName.parse("22q11.2").chromosome()).isEqualTo(ChromosomeClass.C22);
        assertThat(BandName.parse("17q10").band()).isZero();
    }

    @ParameterizedTest(name = "{0} -> column {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "9q3x     | 3 | expected a digit",
        "9q34.    | 5 | expected a digit but the text ended",
        "9q34.1a  | 6 | expected end of band name",
        "9q341    | 4 | expected '.' before a sub-band",
        "25q1     | 0 | expected a chromosome 1-22, X or Y",
        "0q1      | 0 | expected a chromosome 1-22, X or Y",
        "9Q34     | 1 | expected 'p', 'q' or 'cen'",
        "123q     | 2 | expected 'p', 'q' or 'cen'",
        "q0       | 1 | expected a region digit 1-9",
        "9qtr     | 2 | expected a digit or 'ter'",
        "Zq1      | 0 | expected a chromosome (1-22, X, Y), 'p', 'q' or 'cen'",
        "9pterx   | 5 | expected end of band name",
        "' 9q34'  | 0 | expected a chromosome (1-22, X, Y), 'p', 'q' or 'cen'",
    })
    void reportsTheColumnAndWhatWasExpected(String input, int column, String expected) {
        assertThatThrownBy(() -> BandName.parse(input))
                .isInstanceOfSatisfying(BandNameException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.expected()).isEqualTo(expected);
                    assertThat(e.input()).isEqualTo(input);
                    assertThat(e.getMessage()).contains("column " + column);
                });
    }

    @Test
    void emptyInputFailsAtColumnZero() {
        assertThatThrownBy(() -> BandName.parse("")).isInstanceOfSatisfying(BandNameException.class,
                e -> assertThat(e.column()).isZero());
    }

    @Test
    void formatsCanonicallyAndFillsInTheChromosome() {
        assertThat(BandName.parse("q34.1").withChromosome(ChromosomeClass.C9)).hasToString("9q34.1");
        assertThat(BandName.terminal(ChromosomeClass.X, Arm.P)).hasToString("Xpter");
        assertThat(BandName.centromere(ChromosomeClass.C1)).hasToString("1cen");
    }

    @Test
    void impossibleCombinationsAreProgrammingErrors() {
        assertThatThrownBy(() -> new BandName(null, null, 3, null, null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BandName(null, Arm.P, null, 3, null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BandName(null, Arm.P, 1, 2, "x", false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void formatThenParseIsIdentity(@ForAll("bandNames") BandName band) {
        assertThat(BandName.parse(band.toString())).isEqualTo(band);
    }

    @Property
    void parseThenFormatGivesBackTheCanonicalText(@ForAll("bandNames") BandName band) {
        String text = band.toString();
        assertThat(BandName.parse(text).toString()).isEqualTo(text);
    }

    @Provide
    Arbitrary<BandName> bandNames() {
        return Generators.bandNames();
    }
}
