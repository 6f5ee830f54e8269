package org.karyolab.learning.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.karyolab.learning.graph.DerivedChromosome;
import org.karyolab.schema.BandCall;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.band.BandName;
import org.karyolab.schema.ideogram.Ideograms;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Point;

class ChromosomeGeometryTest {

    private static final ChromosomeRenderer.Style STYLE =
            new ChromosomeRenderer.Style(MetaphaseRenderer.pxPerIscn(BandLevel.B400, 120), 11, 0.8, Double.NaN);

    private static ChromosomeTruth drawn(Banding banding, long seed) {
        Drawn d = ChromosomeRenderer.draw(banding, STYLE, new SplittableRandom(seed));
        d.moveTo(7, 5);
        return d.truth(0);
    }

    private static boolean inMask(PixelMask m, Point p) {
        return m.get((int) Math.floor(p.x()), (int) Math.floor(p.y()));
    }

    @Test
    void everyClassHasAConsistentGroundTruth() {
        for (ChromosomeClass c : ChromosomeClass.values()) {
            for (long seed = 1; seed <= 3; seed++) {
                ChromosomeTruth t = drawn(Banding.normal(BandLevel.B400, c), seed * 31 + c.ordinal());
                String what = c.label() + " seed " + seed;
                assertThat(t.chromosomeClass()).as(what).isEqualTo(c);
                assertThat(t.anomalies()).as(what).isEmpty();
                assertThat(t.mask().area()).as(what).isGreaterThan(20);

                // The medial axis runs inside the mask, from p_ter to q_ter.
                List<Point> axis = t.axis().points();
                assertThat(axis).as(what).hasSizeGreaterThan(3);
                assertThat(axis).as(what).allMatch(p -> inMask(t.mask(), p));
                assertThat(t.keypoints().points().get(Keypoints.P_TER)).as(what).isEqualTo(axis.getFirst());
                assertThat(t.keypoints().points().get(Keypoints.Q_TER)).as(what).isEqualTo(axis.getLast());
                Point cen = t.keypoints().points().get(Keypoints.CENTROMERE);
                assertThat(inMask(t.mask(), cen)).as(what).isTrue();
                assertThat(axis.stream().mapToDouble(p -> Math.hypot(p.x() - cen.x(), p.y() - cen.y())).min().orElseThrow())
                        .as(what + ": centromere on the axis").isLessThan(2.0);
                // The mask is a rod as long as the axis (rounded ends add nothing beyond it).
                double length = t.axis().length();
                assertThat(length).as(what).isGreaterThan(STYLE.pxPerIscn() * t.iscnLength() * 0.8);

                // Band calls: all the chromosome's bands, in order, tiling [0, 1].
                List<BandCall> bands = t.bands();
                assertThat(bands).as(what).hasSize(Ideograms.at(BandLevel.B400).bands(c).size());
                assertThat(bands.getFirst().start()).as(what).isZero();
                assertThat(bands.getLast().end()).as(what).isEqualTo(1.0);
                for (int i = 0; i < bands.size(); i++) {
                    BandCall b = bands.get(i);
                    assertThat(b.validate()).as(what).isEmpty();
                    assertThat(b.start()).as(what).isLessThanOrEqualTo(b.end());
                    if (i > 0) {
                        assertThat(b.start()).as(what).isEqualTo(bands.get(i - 1).end());
                    }
                    assertThat(b.band().chromosome()).isEqualTo(c);
                }
            }
        }
    }

    @Test
    void theCentromereSitsBetweenTheArms() {
        ChromosomeTruth t = drawn(Banding.normal(BandLevel.B400, ChromosomeClass.C9), 5);
        // Fraction of the axis at the centromere key point: between the end of 9p11 and the start of 9q11.
        List<Point> axis = t.axis().points();
        Point cen = t.keypoints().points().get(Keypoints.CENTROMERE);
        double walked = 0;
        double best = Double.MAX_VALUE;
        double at = 0;
        for (int i = 0; i < axis.size(); i++) {
            if (i > 0) {
                walked += Math.hypot(axis.get(i).x() - axis.get(i - 1).x(), axis.get(i).y() - axis.get(i - 1).y());
            }
            double d = Math.hypot(axis.get(i).x() - cen.x(), axis.get(i).y() - cen.y());
            if (d < best) {
                best = d;
                at = walked / t.axis().length();
            }
        }
        BandCall p11 = t.bands().stream().filter(b -> b.band().equals(BandName.parse("9p11"))).findFirst().orElseThrow();
        BandCall q11 = t.bands().stream().filter(b -> b.band().equals(BandName.parse("9q11"))).findFirst().orElseThrow();
        assertThat(at).isBetween(p11.start() - 0.02, q11.end() + 0.02);
        assertThat(p11.end()).isEqualTo(q11.start());
    }

    @Test
    void aDeletionLacksItsBandsAndIsShorter() {
        var k = Iscn.parse("46,XX,del(5)(p15.2)").orThrow();
        List<DerivedChromosome> cell = Synth.chromosomes(k, BandLevel.B400);
        assertThat(cell).hasSize(46);
        DerivedChromosome del = cell.stream().filter(d -> d.name().startsWith("del(5)")).findFirst().orElseThrow();
        DerivedChromosome normal = cell.stream().filter(d -> d.name().equals("5")).findFirst().orElseThrow();
        assertThat(cell.stream().filter(d -> d.name().equals("5"))).hasSize(1);

        ChromosomeTruth tDel = drawn(Banding.of(del), 11);
        ChromosomeTruth tNormal = drawn(Banding.of(normal), 11);
        assertThat(tDel.bands()).hasSizeLessThan(tNormal.bands().size());
        assertThat(tDel.bands()).noneMatch(b -> b.band().toString().startsWith("5p15.2") || b.band().toString().startsWith("5p15.3"));
        assertThat(tNormal.bands()).anyMatch(b -> b.band().toString().startsWith("5p15.3"));
        assertThat(tDel.iscnLength()).isLessThan(tNormal.iscnLength());
        assertThat(tDel.axis().length()).isLessThan(tNormal.axis().length());
        assertThat(tDel.mask().area()).isLessThan(tNormal.mask().area());
        assertThat(tDel.anomalies()).containsExactly("del(5)(p15.2)");
        assertThat(tDel.chromosomeClass()).isEqualTo(ChromosomeClass.C5);
    }

    @Test
    void aTranslocationGivesTwoDerivativesWithTheirOwnBandsOnly() {
        var k = Iscn.parse("46,XY,t(9;22)(q34;q11.2)").orThrow();
        List<DerivedChromosome> cell = Synth.chromosomes(k, BandLevel.B400);
        assertThat(cell).hasSize(46);
        var der22 = cell.stream().filter(d -> d.name().contains("t(9;22)") && Banding.of(d).chromosomeClass() == ChromosomeClass.C22)
                .findFirst().orElseThrow();
        ChromosomeTruth t = drawn(Banding.of(der22), 3);
        ChromosomeTruth normal22 = drawn(Banding.normal(BandLevel.B400, ChromosomeClass.C22), 3);
        // It carries 9q34 (drawn) but calls only its own bands, each naming 22.
        assertThat(der22.pieces()).anyMatch(p -> p.origin() == ChromosomeClass.C9);
        assertThat(t.bands()).allMatch(b -> b.band().chromosome() == ChromosomeClass.C22);
        assertThat(t.bands().size()).isLessThan(normal22.bands().size());
    }

    @Test
    void aRingIsClosedAndHasNoEnds() {
        var k = Iscn.parse("46,XX,r(7)(p22q36)").orThrow();
        DerivedChromosome ring = Synth.chromosomes(k, BandLevel.B400).stream().filter(DerivedChromosome::ring)
                .findFirst().orElseThrow();
        ChromosomeTruth t = drawn(Banding.of(ring), 2);
        assertThat(t.keypoints().points()).containsOnlyKeys(Keypoints.CENTROMERE);
        assertThat(t.polarity()).isNull();
        Point first = t.axis().points().getFirst();
        Point last = t.axis().points().getLast();
        assertThat(Math.hypot(first.x() - last.x(), first.y() - last.y())).isLessThan(1.0);
        assertThat(t.axis().points()).allMatch(p -> inMask(t.mask(), p));
    }
}
