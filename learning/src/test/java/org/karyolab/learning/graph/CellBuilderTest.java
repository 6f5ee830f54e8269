package org.karyolab.learning.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ideogram.BandStain;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.Mode;

class CellBuilderTest {

    static List<DerivedChromosome> cell(String iscn, BandLevel level) {
        return CellBuilder.build(Iscn.parse(iscn, Mode.STRICT).orThrow(), level);
    }

    static DerivedChromosome named(List<DerivedChromosome> cell, String name) {
        return cell.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + cell.stream().map(DerivedChromosome::name).toList()));
    }

    static List<String> names(DerivedChromosome d) {
        return d.pieces().stream().map(BandPiece::toString).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"46,XX|46", "46,XY|46", "47,XXY|47", "45,X|45", "47,XY,+21|47", "45,XX,-7|45",
            "46,XY,t(9;22)(q34;q11.2)|46", "45,XX,rob(13;14)(q10;q10)|45", "46,X,i(X)(q10)|46", "47,XY,+mar|47",
            "46,XY,der(22)t(9;22)(q34;q11.2)|46"})
    void countsFollowIscn(String iscn, int expected) {
        assertThat(cell(iscn, BandLevel.B400)).hasSize(expected);
    }

    @Test
    void normalChromosomesAreTheirIdeogramBandsWithTheCentromereAtTheFirstAcenBand() {
        var nine = named(cell("46,XY", BandLevel.B550), "9");
        var ideogram = ReferencePaths.at(BandLevel.B550).ideogram().bands(ChromosomeClass.C9);
        assertThat(nine.pieces()).extracting(BandPiece::band).containsExactlyElementsOf(ideogram);
        assertThat(nine.pieces()).noneMatch(BandPiece::reversed);
        assertThat(nine.pieces().get(nine.centromereIndex()).band().stain()).isEqualTo(BandStain.ACEN);
        assertThat(nine.pieces().get(nine.centromereIndex() - 1).band().stain()).isNotEqualTo(BandStain.ACEN);
        assertThat(nine.ring()).isFalse();
    }

    @Test
    void philadelphiaTranslocationExchangesTheDistalParts() {
        var c = cell("46,XY,t(9;22)(q34;q11.2)", BandLevel.B400);
        var der9 = named(c, "der(9)t(9;22)(q34;q11.2)");
        var der22 = named(c, "der(22)t(9;22)(q34;q11.2)");
        assertThat(names(der22)).containsExactly("22p13", "22p12", "22p11.2", "22p11.1", "22q11.1", "9q34");
        assertThat(names(der9)).endsWith("9q32", "9q33", "22q11.2", "22q12", "22q13").doesNotContain("9q34");
        assertThat(der22.pieces().get(der22.centromereIndex()).origin()).isEqualTo(ChromosomeClass.C22);
        assertThat(c.stream().filter(d -> d.name().equals("9"))).hasSize(1);
        assertThat(c.stream().filter(d -> d.name().equals("22"))).hasSize(1);
    }

    @Test
    void aQArmSegmentAttachedAtAPArmBreakReadsQterFirstAndIsReversed() {
        var der1 = named(cell("46,XY,t(1;3;5)(p36;q21;q31)", BandLevel.B400), "der(1)t(1;3;5)(p36;q21;q31)");
        assertThat(names(der1)).startsWith("5q35(rev)", "5q34(rev)", "5q33(rev)", "5q32(rev)", "5q31(rev)", "1p35");
        var der3 = named(cell("46,XY,t(1;3;5)(p36;q21;q31)", BandLevel.B400), "der(3)t(1;3;5)(p36;q21;q31)");
        assertThat(names(der3)).endsWith("3q13.3", "1p36.1(rev)", "1p36.2(rev)", "1p36.3(rev)");
    }

    @Test
    void deletionsLoseTheRunIncludingTheBreakBands() {
        var del = named(cell("46,XX,del(5)(q13q33)", BandLevel.B400), "del(5)(q13q33)");
        assertThat(names(del)).containsSubsequence("5q12", "5q34").doesNotContain("5q13", "5q21", "5q33");
        var term = named(cell("46,XX,del(5)(q13)", BandLevel.B400), "del(5)(q13)");
        assertThat(names(term)).endsWith("5q11.2", "5q12");
        var pTerm = named(cell("46,XX,del(5)(p14)", BandLevel.B400), "del(5)(p14)");
        assertThat(names(pTerm)).startsWith("5p13");
    }

    @Test
    void coarseBreakpointsTakeTheirWholeCoveringRunAtFinerLevels() {
        var del = named(cell("46,XX,del(5)(q13q33)", BandLevel.B850), "del(5)(q13q33)");
        assertThat(del.pieces()).noneMatch(p -> p.band().name().toString().matches("5q(13|14|15|2\\d|3[123]).*"));
        assertThat(names(del)).contains("5q12.3", "5q34");
    }

    @Test
    void inversionReversesTheRun() {
        var inv = named(cell("46,XX,inv(3)(q21q26)", BandLevel.B400), "inv(3)(q21q26)");
        assertThat(names(inv)).containsSubsequence("3q13.3", "3q26.3(rev)", "3q26.2(rev)", "3q26.1(rev)", "3q25(rev)",
                "3q24(rev)", "3q23(rev)", "3q22(rev)", "3q21(rev)", "3q27");
    }

    @Test
    void duplicationRepeatsTheRunDirectly() {
        var dup = named(cell("46,XY,dup(1)(q21q31)", BandLevel.B400), "dup(1)(q21q31)");
        assertThat(names(dup)).containsSubsequence("1q21", "1q31", "1q21", "1q31", "1q32");
        assertThat(dup.pieces().stream().filter(p -> p.band().name().toString().equals("1q25"))).hasSize(2);
    }

    @Test
    void isochromosomeMirrorsTheArmAroundItsCentromere() {
        var i17 = named(cell("46,XY,i(17)(q10)", BandLevel.B400), "i(17)(q10)");
        var q = ReferencePaths.at(BandLevel.B400).ideogram().arm(ChromosomeClass.C17, org.karyolab.schema.band.Arm.Q);
        assertThat(i17.size()).isEqualTo(2 * q.size());
        assertThat(i17.pieces().getFirst().band()).isEqualTo(q.getLast());
        assertThat(i17.pieces().getFirst().reversed()).isTrue();
        assertThat(i17.pieces().getLast().band()).isEqualTo(q.getLast());
        assertThat(i17.pieces().get(i17.centromereIndex()).band().stain()).isEqualTo(BandStain.ACEN);
    }

    @Test
    void ringKeepsThePartBetweenTheBreaksAndIsFlagged() {
        var r = named(cell("46,XX,r(7)(p22q36)", BandLevel.B400), "r(7)(p22q36)");
        assertThat(r.ring()).isTrue();
        assertThat(names(r).getFirst()).isEqualTo("7p21");
        assertThat(names(r).getLast()).isEqualTo("7q35");
    }

    @Test
    void insertionSplicesTheDonorRunProximalEndTowardTheRecipientCentromere() {
        var c = cell("46,XY,ins(5;2)(p14;q22q32)", BandLevel.B400);
        var der5 = named(c, "der(5)ins(5;2)(p14;q22q32)");
        assertThat(names(der5)).containsSubsequence("5p14", "2q32(rev)", "2q22(rev)", "5p13");
        var der2 = named(c, "der(2)ins(5;2)(p14;q22q32)");
        assertThat(names(der2)).containsSubsequence("2q21", "2q33").doesNotContain("2q22", "2q32");
    }

    @Test
    void robertsonianJoinsTwoLongArmsAndReplacesBoth() {
        var c = cell("45,XX,rob(13;14)(q10;q10)", BandLevel.B400);
        var rob = named(c, "rob(13;14)(q10;q10)");
        assertThat(rob.pieces()).allMatch(p -> p.band().arm() == org.karyolab.schema.band.Arm.Q);
        assertThat(c.stream().filter(d -> d.name().equals("13") || d.name().equals("14"))).hasSize(2);
    }

    @Test
    void additionalMaterialAndMarkersAreUnknownPieces() {
        var add = named(cell("46,XY,add(19)(p13)", BandLevel.B400), "add(19)(p13)");
        assertThat(add.pieces().getFirst().isUnknown()).isTrue();
        var mar = named(cell("47,XY,+mar", BandLevel.B400), "mar");
        assertThat(mar.pieces()).containsExactly(BandPiece.unknown());
        assertThat(mar.centromereIndex()).isEqualTo(-1);
    }

    @Test
    void derivativeChainAppliesItsEventsInOrder() {
        var der = named(cell("46,XX,der(1)t(1;3)(p36;q21)dup(1)(q21q31)", BandLevel.B400), "der(1)t(1;3)(p36;q21)dup(1)(q21q31)");
        assertThat(names(der).getFirst()).isEqualTo("3q29(rev)");
        assertThat(der.pieces().stream().filter(p -> p.band().name().toString().equals("1q23"))).hasSize(2);
    }

    @Test
    void mosaicLinesAreBuiltSeparatelyAndIdemExtendsTheStemline() {
        var k = Iscn.parse("46,XX,t(8;21)(q22;q22)[10]/47,idem,+8[5]", Mode.STRICT).orThrow();
        assertThat(CellBuilder.assemble(k, 0, BandLevel.B400).chromosomes()).hasSize(46);
        var second = CellBuilder.assemble(k, 1, BandLevel.B400).derived();
        assertThat(second).hasSize(47);
        assertThat(second).anyMatch(d -> d.name().startsWith("der(8)t(8;21)"));
    }

    @Test
    void unknownBreakpointsAreRefusedWithAReason() {
        assertThatThrownBy(() -> cell("46,XX,del(5)(?)", BandLevel.B400)).hasMessageContaining("unknown breakpoint");
    }
}
