package org.karyolab.schema.iscn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.iscn.Abnormality.Derivative;
import org.karyolab.schema.iscn.Abnormality.Rearrangement;
import org.karyolab.schema.iscn.CellLine.SexChromosomes;

class IscnParserTest {

    private static Karyotype strict(String text) {
        return Iscn.parse(text, Mode.STRICT).orThrow();
    }

    private static IscnResult.Parsed lenient(String text) {
        return (IscnResult.Parsed) Iscn.parse(text, Mode.LENIENT);
    }

    @Test
    void aThreeWayTranslocationGivesOneBreakpointPerChromosome() {
        Entry entry = strict("46,XX,t(1;3;5)(p36;q21;q31)").cellLines().getFirst().entries().getFirst();
        assertThat(entry.abnormality()).isEqualTo(new Rearrangement(Rearrangements.T,
                List.of(ChromosomeClass.C1, ChromosomeClass.C3, ChromosomeClass.C5),
                List.of(List.of(Breakpoint.At.of("p36")), List.of(Breakpoint.At.of("q21")), List.of(Breakpoint.At.of("q31")))));
    }

    @Test
    void aDerivativeChainsItsRearrangements() {
        var der = (Derivative) strict("46,XY,der(1)t(1;3)(p36;q21)dup(1)(q21q31)").cellLines().getFirst().entries()
                .getFirst().abnormality();
        assertThat(der.chromosomes()).containsExactly(ChromosomeClass.C1);
        assertThat(der.events()).extracting(Rearrangement::type).containsExactly(Rearrangements.T, Rearrangements.DUP);
        assertThat(der.events().get(1).breakpoints()).containsExactly(List.of(Breakpoint.At.of("q21"), Breakpoint.At.of("q31")));
    }

    @Test
    void breakpointsAreBandNamesTakingTheChromosomeFromContext() {
        var del = (Rearrangement) strict("46,XX,del(5)(q13q33)").cellLines().getFirst().entries().getFirst().abnormality();
        var at = (Breakpoint.At) del.breakpoints().getFirst().getFirst();
        assertThat(at.band()).isEqualTo(BandName.parse("q13"));
        assertThat(at.band().withChromosome(del.chromosomes().getFirst())).isEqualTo(BandName.parse("5q13"));
        var ranged = (Rearrangement) strict("46,XX,del(1)(q21~q24)").cellLines().getFirst().entries().getFirst().abnormality();
        assertThat(ranged.breakpoints().getFirst()).containsExactly(
                new Breakpoint.Between(BandName.parse("q21"), BandName.parse("q24")));
    }

    @Test
    void mosaicsKeepTheirCellLinesAndCounts() {
        Karyotype k = strict("mos 45,X[15]/46,XX[5]");
        assertThat(k.mosaicism()).isEqualTo(Karyotype.Mosaicism.MOS);
        assertThat(k.cellLines()).extracting(l -> l.cells().cells()).containsExactly(15, 5);
        assertThat(k.cellLines().getFirst().reference()).isEqualTo(new SexChromosomes(1, 0, false));
    }

    @Test
    void emptyAndNullTextFailAtColumnZero() {
        for (String text : new String[] {"", null}) {
            for (Mode mode : Mode.values()) {
                var failed = (IscnResult.Failed) Iscn.parse(text, mode);
                assertThat(failed.errors().getFirst()).isEqualTo(
                        new IscnIssue(0, "expected a karyotype such as 46,XX but the text ended", null));
            }
        }
        assertThat(((IscnResult.Failed) Iscn.parse("   ", Mode.LENIENT)).errors().getFirst().column()).isEqualTo(3);
        assertThat(((IscnResult.Failed) Iscn.parse("   ", Mode.STRICT)).errors().getFirst().message())
                .isEqualTo("unexpected space before the karyotype");
    }

    @Test
    void lenientModeDropsNulPaddingAndNotesOnTheNextLine() {
        // As the M-FISH case files have them.
        IscnResult.Parsed padded = lenient("46,XY\0\0\0");
        assertThat(Iscn.write(padded.karyotype())).isEqualTo("46,XY");
        assertThat(padded.warnings()).singleElement().satisfies(w -> {
            assertThat(w.column()).isEqualTo(5);
            assertThat(w.message()).contains("ignored trailing text '\\0\\0\\0'");
        });
        IscnResult.Parsed noted = lenient("44,XY,-11, -22\n8,10,13 on edge of image");
        assertThat(Iscn.write(noted.karyotype())).isEqualTo("44,XY,-11,-22");
        assertThat(noted.warnings()).extracting(IscnIssue::column).containsExactly(10, 15);
        assertThat(Iscn.parse("46,XY\0\0\0", Mode.STRICT)).isInstanceOf(IscnResult.Failed.class);
    }

    @Test
    void everyLibertyComesWithAPlaceAndAFixWhenTheIntentIsClear() {
        IscnResult.Parsed parsed = lenient("44,X,-5,-14,+18,Ins(11;8),t(5;16)");
        assertThat(parsed.warnings()).extracting(IscnIssue::column).containsExactly(16, 25, 33);
        assertThat(parsed.warnings().getFirst().fix()).isEqualTo("44,X,-5,-14,+18,ins(11;8),t(5;16)");
        assertThat(parsed.warnings().get(1).message()).contains("no breakpoints after Ins(11;8)");
        assertThat(parsed.warnings().get(1).fix()).isNull();
        IscnResult.Parsed spaced = lenient("44,XX,-8, -13");
        assertThat(spaced.warnings().getFirst().fix()).isEqualTo("44,XX,-8,-13");
    }

    @Test
    void theMFishCountsCheckOutWithTheSexChromosomeListingEitherWay() {
        assertThat(Iscn.check(lenient("36,XY,-1,-3,-4,-9,-9,-14,-16,-16,-18-,18").karyotype())).isEmpty();
        assertThat(Iscn.check(lenient("45,XY,-18,-22,t(7;8),t(9;10),t(11;20),t(15;18), +t(20;5)").karyotype())).isEmpty();
        // ISCN lists a rearranged X among the abnormalities (46,X,t(X;4)); the ADIR lab lists it among the sex
        // chromosomes too. A balanced translocation changes no count either way (ADIR V26__54, 55, 57, 58).
        for (String k : List.of("46,XX,t(X;4)", "45,XX,-11,t(X;4)", "45,XX,-21,t(X;4)", "44,XX,-14,-21,t(X;4)", "46,X,t(X;4)")) {
            assertThat(Iscn.check(lenient(k).karyotype())).as(k).isEmpty();
        }
        assertThat(Iscn.check(lenient("44,XX,-11,t(X;4)").karyotype())).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("the count says 44"));
    }
}
