package org.karyolab.learning.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.ClusterType;

class ClustersTest {

    /** A straight rod of chromosome 7 lying along {@code heading}. */
    private static Drawn rod(double heading) {
        var style = new ChromosomeRenderer.Style(MetaphaseRenderer.pxPerIscn(BandLevel.B400, 100), 10, 0, heading);
        return ChromosomeRenderer.draw(Banding.normal(BandLevel.B400, ChromosomeClass.C7), style, new SplittableRandom(1));
    }

    private static PixelMask at(Drawn d, int x, int y) {
        return new PixelMask(x, y, d.width, d.height, d.mask);
    }

    @Test
    void crossedRodsOverlap() {
        Drawn h = rod(0);
        Drawn v = rod(Math.PI / 2);
        PixelMask a = at(h, 0, 100);
        // The vertical rod's middle on the horizontal rod's middle.
        PixelMask b = at(v, h.width / 2 - v.width / 2, 100 + h.height / 2 - v.height / 2);
        assertThat(Clusters.relation(a, b)).isEqualTo(Clusters.Relation.OVERLAPPING);
        List<ClusterTruth> clusters = Clusters.of(List.of(a, b));
        assertThat(clusters).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ClusterType.OVERLAPPING);
            assertThat(c.members()).containsExactly(0, 1);
            // The cluster box is the union of the two masks' boxes.
            var boxA = Clusters.box(List.of(a));
            var boxB = Clusters.box(List.of(b));
            assertThat(c.box().x()).isEqualTo(Math.min(boxA.x(), boxB.x()));
            assertThat(c.box().y()).isEqualTo(Math.min(boxA.y(), boxB.y()));
            assertThat(c.box().x() + c.box().width()).isEqualTo(Math.max(boxA.x() + boxA.width(), boxB.x() + boxB.width()));
            assertThat(c.box().y() + c.box().height()).isEqualTo(Math.max(boxA.y() + boxA.height(), boxB.y() + boxB.height()));
            assertThat(boxA.width()).isGreaterThan(5 * boxA.height());
            assertThat(boxB.height()).isGreaterThan(5 * boxB.width());
        });
    }

    @Test
    void sideBySideRodsTouchThenPartThenOverlap() {
        Drawn h = rod(0);
        PixelMask a = at(h, 0, 0);
        int dy = 1;
        while (at(h, 0, dy).overlap(a) > 0) {
            dy++;
        }
        // The first offset with no shared pixel: adjacent masks.
        assertThat(Clusters.relation(a, at(h, 0, dy))).isEqualTo(Clusters.Relation.TOUCHING);
        assertThat(Clusters.of(List.of(a, at(h, 0, dy)))).singleElement()
                .extracting(ClusterTruth::type).isEqualTo(ClusterType.TOUCHING);
        assertThat(Clusters.relation(a, at(h, 0, dy + 2))).isEqualTo(Clusters.Relation.APART);
        assertThat(Clusters.of(List.of(a, at(h, 0, dy + 2)))).isEmpty();
        assertThat(Clusters.relation(a, at(h, 0, dy - 1))).isEqualTo(Clusters.Relation.OVERLAPPING);
    }

    @Test
    void aChainOfOverlapAndTouchIsTouchingOverlapping() {
        Drawn h = rod(0);
        Drawn v = rod(Math.PI / 2);
        PixelMask a = at(h, 0, 100);
        PixelMask b = at(v, h.width / 2 - v.width / 2, 100 + h.height / 2 - v.height / 2);
        // c lies end to end with a, on its left, slid out until they share no pixel.
        int x = -h.width + 25;
        assertThat(at(h, x, 100).overlap(a)).isPositive();
        while (at(h, x, 100).overlap(a) > 0) {
            x--;
        }
        PixelMask c = at(h, x, 100);
        assertThat(Clusters.relation(a, b)).isEqualTo(Clusters.Relation.OVERLAPPING);
        assertThat(Clusters.relation(a, c)).isEqualTo(Clusters.Relation.TOUCHING);
        assertThat(Clusters.relation(b, c)).isEqualTo(Clusters.Relation.APART);
        assertThat(Clusters.of(List.of(a, b, c))).singleElement().satisfies(cl -> {
            assertThat(cl.members()).containsExactly(0, 1, 2);
            assertThat(cl.type()).isEqualTo(ClusterType.TOUCHING_OVERLAPPING);
        });
        // A fourth rod far away is an instance, in no cluster.
        assertThat(Clusters.of(List.of(a, b, c, at(h, 1000, 1000)))).singleElement()
                .extracting(ClusterTruth::members).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(0, 1, 2);
    }

    @Test
    void handMadeMasks() {
        boolean[] square = new boolean[9];
        java.util.Arrays.fill(square, true);
        PixelMask a = new PixelMask(0, 0, 3, 3, square);
        assertThat(Clusters.relation(a, new PixelMask(2, 2, 3, 3, square))).isEqualTo(Clusters.Relation.OVERLAPPING);
        assertThat(Clusters.relation(a, new PixelMask(3, 0, 3, 3, square))).isEqualTo(Clusters.Relation.TOUCHING);
        assertThat(Clusters.relation(a, new PixelMask(3, 3, 3, 3, square))).as("diagonal neighbours touch").isEqualTo(Clusters.Relation.TOUCHING);
        assertThat(Clusters.relation(a, new PixelMask(4, 0, 3, 3, square))).isEqualTo(Clusters.Relation.APART);
        assertThat(new PixelMask(2, 2, 3, 3, square).overlap(a)).isEqualTo(1);
    }
}
