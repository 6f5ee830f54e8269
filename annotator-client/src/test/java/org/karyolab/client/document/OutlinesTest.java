package org.karyolab.client.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.shape.Point;

class OutlinesTest {

    @Test
    void aStraightRunCollapsesToItsEnds() {
        var run = new ArrayList<Point>();
        for (int i = 0; i <= 50; i++) run.add(new Point(10 + i * 2, 20 + i)); // exactly on a line
        assertThat(Outlines.simplify(run, 0.5, false)).containsExactly(new Point(10, 20), new Point(110, 70));
        // A little wobble below the tolerance collapses as well.
        var wobbly = new ArrayList<Point>();
        for (int i = 0; i <= 50; i++) wobbly.add(new Point(i, i % 2 == 0 ? 0.3 : -0.3));
        assertThat(Outlines.simplify(wobbly, 0.7, false)).containsExactly(new Point(0, 0.3), new Point(50, 0.3));
    }

    @Test
    void cornersAreKept() {
        // An L: along x, then down y; the corner is the one point between the ends that stays.
        var l = new ArrayList<Point>();
        for (int i = 0; i <= 20; i++) l.add(new Point(i, 0));
        for (int i = 1; i <= 20; i++) l.add(new Point(20, i));
        assertThat(Outlines.simplify(l, 1, false)).containsExactly(new Point(0, 0), new Point(20, 0), new Point(20, 20));
        // A zig-zag whose teeth stand out of the tolerance keeps every tooth.
        List<Point> zigzag = List.of(new Point(0, 0), new Point(5, 5), new Point(10, 0), new Point(15, 5), new Point(20, 0));
        assertThat(Outlines.simplify(zigzag, 1, false)).isEqualTo(zigzag);
        // ... and loses them all once they are within it.
        assertThat(Outlines.simplify(zigzag, 5, false)).containsExactly(new Point(0, 0), new Point(20, 0));
    }

    @Test
    void aClosedRingTracedFromMidEdgeBecomesItsCorners() {
        // A 40 x 30 rectangle sampled every pixel, starting half-way along the top edge, first point repeated at the end.
        var ring = new ArrayList<Point>();
        for (int x = 20; x < 40; x++) ring.add(new Point(x, 0));
        for (int y = 0; y < 30; y++) ring.add(new Point(40, y));
        for (int x = 40; x > 0; x--) ring.add(new Point(x, 30));
        for (int y = 30; y > 0; y--) ring.add(new Point(0, y));
        for (int x = 0; x <= 20; x++) ring.add(new Point(x, 0));
        List<Point> simple = Outlines.simplify(ring, 1, true);
        assertThat(simple).containsExactlyInAnyOrder(new Point(0, 0), new Point(40, 0), new Point(40, 30), new Point(0, 30));
        assertThat(Outlines.area(simple)).isCloseTo(1200, within(1e-9));
        // The order is the ring's order (clockwise here): each corner is followed by its neighbour along the trace.
        int i = simple.indexOf(new Point(40, 0));
        assertThat(simple.get((i + 1) % 4)).isEqualTo(new Point(40, 30));
        assertThat(simple.get((i + 2) % 4)).isEqualTo(new Point(0, 30));
        // No repeated closing point, and the traced start (mid-edge) is not kept.
        assertThat(simple).doesNotContain(new Point(20, 0)).doesNotHaveDuplicates();
    }

    @Test
    void theToleranceIsRespectedOnANoisyCircle() {
        var rnd = new Random(7);
        var ring = new ArrayList<Point>();
        for (int i = 0; i < 720; i++) {
            double a = Math.PI * 2 * i / 720, r = 100 + rnd.nextGaussian() * 0.15;
            ring.add(new Point(200 + r * Math.cos(a), 150 + r * Math.sin(a)));
        }
        for (double tolerance : new double[] {0.5, 1, 2, 4}) {
            List<Point> simple = Outlines.simplify(ring, tolerance, true);
            assertThat(Outlines.maxDistance(ring, simple, true)).as("tolerance %s", tolerance).isLessThanOrEqualTo(tolerance);
            assertThat(ring).containsAll(simple); // only original points are kept
            assertThat(simple.size()).isLessThan(ring.size() / 3).isGreaterThan(8);
        }
        // A coarser tolerance never keeps more points.
        assertThat(Outlines.simplify(ring, 4, true).size()).isLessThan(Outlines.simplify(ring, 1, true).size());
        // Zero tolerance keeps every point off a straight line (here: all of them).
        assertThat(Outlines.simplify(ring, 0, true)).hasSize(720);
    }

    @Test
    void smallAndDegenerateInputs() {
        assertThat(Outlines.simplify(List.of(), 1, true)).isEmpty();
        assertThat(Outlines.simplify(List.of(new Point(1, 1), new Point(1, 1), new Point(1, 1)), 1, true)).containsExactly(new Point(1, 1));
        List<Point> triangle = List.of(new Point(0, 0), new Point(10, 0), new Point(0, 10));
        assertThat(Outlines.simplify(triangle, 1, true)).isEqualTo(triangle);
        assertThat(Outlines.simplify(List.of(new Point(0, 0), new Point(10, 0), new Point(10, 0)), 1, false))
                .containsExactly(new Point(0, 0), new Point(10, 0));
        assertThatThrownBy(() -> Outlines.simplify(triangle, -1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outlines.simplify(triangle, Double.NaN, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongTraceDoesNotRecurse() {
        // 200,000 points on a spiral: an explicit stack, no StackOverflowError.
        var spiral = new ArrayList<Point>();
        for (int i = 0; i < 200_000; i++) {
            double a = i * 0.001;
            spiral.add(new Point(a * Math.cos(a) * 10, a * Math.sin(a) * 10));
        }
        List<Point> simple = Outlines.simplify(spiral, 0.5, false);
        assertThat(simple.getFirst()).isEqualTo(spiral.getFirst());
        assertThat(simple.getLast()).isEqualTo(spiral.getLast());
        var sample = new ArrayList<Point>();
        for (int i = 0; i < spiral.size(); i += 997) sample.add(spiral.get(i));
        assertThat(Outlines.maxDistance(sample, simple, false)).isLessThanOrEqualTo(0.5);
    }
}
