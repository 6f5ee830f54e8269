package org.karyolab.learning.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.ideogram.Band;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.Mode;

class LossGainFusionTest {

    static LossGainFusion lgf(String iscn, BandLevel level) {
        return LossGainFusion.of(Iscn.parse(iscn, Mode.STRICT).orThrow(), level);
    }

    static List<BandName> bandsWithin(BandLevel level, ChromosomeClass c, String... coarse) {
        return ReferencePaths.at(level).ideogram().bands(c).stream()
                .filter(b -> java.util.Arrays.stream(coarse).anyMatch(n -> b.within(BandName.parse(n))))
                .map(Band::name).toList();
    }

    @ParameterizedTest
    @EnumSource(value = BandLevel.class, names = {"B400", "B550", "B850"})
    void philadelphiaFusesNineQ34WithTwentyTwoQ11Point2AndChangesNoCopyNumber(BandLevel level) {
        var r = lgf("46,XY,t(9;22)(q34;q11.2)", level);
        assertThat(r.changes()).isEmpty();
        assertThat(r.fusions()).hasSize(2).allSatisfy(f -> {
            var ends = List.of(f.left(), f.right());
            assertThat(ends).anySatisfy(b -> assertThat(b.toString()).startsWith("9q34"));
            assertThat(ends).anySatisfy(b -> assertThat(b.toString()).startsWith("22q11.2"));
        });
    }

    @ParameterizedTest
    @EnumSource(value = BandLevel.class, names = {"B400", "B550", "B850"})
    void interstitialDeletionLosesExactlyFiveQ13ToFiveQ33(BandLevel level) {
        var r = lgf("46,XX,del(5)(q13q33)", level);
        var expected = bandsWithin(level, ChromosomeClass.C5, "5q13", "5q14", "5q15", "5q2", "5q31", "5q32", "5q33");
        assertThat(expected).isNotEmpty();
        assertThat(r.lost()).containsExactlyElementsOf(expected);
        assertThat(r.gained()).isEmpty();
        assertThat(r.changes()).allMatch(c -> c.loss() == 1);
        assertThat(r.fusions()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = BandLevel.class, names = {"B400", "B550", "B850"})
    void trisomy21GainsAllOf21(BandLevel level) {
        var r = lgf("47,XY,+21", level);
        assertThat(r.gained()).containsExactlyElementsOf(
                ReferencePaths.at(level).ideogram().bands(ChromosomeClass.C21).stream().map(Band::name).toList());
        assertThat(r.lost()).isEmpty();
        assertThat(r.fusions()).isEmpty();
    }

    @Test
    void inversionChangesNoCopyNumberAndMakesTwoFusions() {
        var r = lgf("46,XX,inv(3)(q21q26)", BandLevel.B400);
        assertThat(r.changes()).isEmpty();
        assertThat(r.fusions()).extracting(Object::toString).containsExactly("3q21::3q26.3", "3q21::3q26.3");
    }

    @Test
    void duplicationGainsTheRunOnce() {
        var r = lgf("46,XY,dup(1)(q21q31)", BandLevel.B400);
        assertThat(r.gained()).containsExactlyElementsOf(bandsWithin(BandLevel.B400, ChromosomeClass.C1, "1q21", "1q22", "1q23", "1q24", "1q25", "1q31"));
        assertThat(r.lost()).isEmpty();
        assertThat(r.fusions()).extracting(Object::toString).containsExactly("1q31::1q21");
    }

    @Test
    void isochromosome17qLosesSeventeenPAndGainsSeventeenQ() {
        var r = lgf("46,XY,i(17)(q10)", BandLevel.B550);
        var ideogram = ReferencePaths.at(BandLevel.B550).ideogram();
        assertThat(r.lost()).containsExactlyElementsOf(ideogram.arm(ChromosomeClass.C17, org.karyolab.schema.band.Arm.P).stream().map(Band::name).toList());
        assertThat(r.gained()).containsExactlyElementsOf(ideogram.arm(ChromosomeClass.C17, org.karyolab.schema.band.Arm.Q).stream().map(Band::name).toList());
    }

    @Test
    void ringLosesBothEndsAndFusesThem() {
        var r = lgf("46,XX,r(7)(p22q36)", BandLevel.B400);
        assertThat(r.lost()).extracting(Object::toString).containsExactly("7p22", "7q36");
        assertThat(r.fusions()).extracting(Object::toString).containsExactly("7q36::7p22");
    }

    @Test
    void balancedInsertionMovesMaterialWithoutCopyChange() {
        var r = lgf("46,XY,ins(5;2)(p14;q22q32)", BandLevel.B400);
        assertThat(r.changes()).isEmpty();
        assertThat(r.fusions()).extracting(Object::toString).containsExactlyInAnyOrder("5p14::2q32", "2q22::5p14", "2q22::2q32");
    }

    @Test
    void unbalancedPhiladelphiaDerivativeLosesTwentyTwoDistalAndGainsNineDistal() {
        // 46,XY,der(22)t(9;22): the der(22) replaces a normal 22, both 9s are normal
        var r = lgf("46,XY,der(22)t(9;22)(q34;q11.2)", BandLevel.B400);
        assertThat(r.gained()).extracting(Object::toString).containsExactly("9q34");
        assertThat(r.lost()).extracting(Object::toString).containsExactly("22q11.2", "22q12", "22q13");
        assertThat(r.fusions()).extracting(Object::toString).containsExactly("22q11.2::9q34");
    }

    @Test
    void sexChromosomesCountAgainstANormalCellOfTheSameSex() {
        var turner = lgf("45,X", BandLevel.B400);
        assertThat(turner.lost()).allMatch(b -> b.chromosome() == ChromosomeClass.X)
                .hasSize(ReferencePaths.at(BandLevel.B400).ideogram().bands(ChromosomeClass.X).size());
        assertThat(turner.gained()).isEmpty();
        var klinefelter = lgf("47,XXY", BandLevel.B400);
        assertThat(klinefelter.gained()).allMatch(b -> b.chromosome() == ChromosomeClass.X).isNotEmpty();
        assertThat(klinefelter.lost()).isEmpty();
        assertThat(lgf("46,XY", BandLevel.B400).changes()).isEmpty();
        assertThat(lgf("46,XX", BandLevel.B400).changes()).isEmpty();
    }

    @Test
    void robertsonianLosesOnlyTheShortArms() {
        var r = lgf("45,XX,rob(13;14)(q10;q10)", BandLevel.B400);
        assertThat(r.lost()).allMatch(b -> b.arm() == org.karyolab.schema.band.Arm.P)
                .allMatch(b -> b.chromosome() == ChromosomeClass.C13 || b.chromosome() == ChromosomeClass.C14);
        assertThat(r.gained()).isEmpty();
    }

    @Test
    void mosaicGivesOneResultPerCellLine() {
        var k = Iscn.parse("mos 45,X[15]/46,XX[5]", Mode.STRICT).orThrow();
        var lines = LossGainFusion.perCellLine(k, BandLevel.B400);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).loss("Xq21")).isEqualTo(1);
        assertThat(lines.get(1).changes()).isEmpty();
        var clones = LossGainFusion.perCellLine(Iscn.parse("46,XX,t(8;21)(q22;q22)[10]/47,idem,+8[5]", Mode.STRICT).orThrow(), BandLevel.B400);
        assertThat(clones.get(0).changes()).isEmpty();
        assertThat(clones.get(1).gain("8p21")).isEqualTo(1);
        assertThat(clones.get(1).fusions()).hasSize(2);
    }

    @Test
    void markerAddsOnlyAnUnknownFusionFreeChromosome() {
        var r = lgf("47,XY,+mar", BandLevel.B400);
        assertThat(r.changes()).isEmpty();
        assertThat(r.fusions()).isEmpty();
        var add = lgf("46,XY,add(19)(p13)", BandLevel.B400);
        assertThat(add.lost()).extracting(Object::toString).containsExactly("19p13.3", "19p13.2", "19p13.1");
        assertThat(add.fusions()).extracting(Object::toString).containsExactly("?::19p13.1");
    }
}
