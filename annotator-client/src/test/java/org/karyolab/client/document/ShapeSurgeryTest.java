package org.karyolab.client.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyolab.schema.shape.Bounds;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.RotatedBox;

class ShapeSurgeryTest {

    @Test
    void aLineAcrossABoxSplitsItIntoTwoPolygonsThatAddUp() {
        // Drawn left to right across the middle (short: the ends are extended past the shape).
        var split = ShapeSurgery.split(new Box(0, 0, 100, 40), new Polyline(List.of(new Point(10, 20), new Point(90, 20))));
        Polygon top = (Polygon) split.left(), bottom = (Polygon) split.right();
        assertThat(top.area()).isCloseTo(2000, within(1e-6));
        assertThat(bottom.area()).isCloseTo(2000, within(1e-6));
        assertThat(top.bounds()).isEqualTo(new Bounds(0, 0, 100, 20)); // left of a rightward line on screen is up
        assertThat(bottom.bounds()).isEqualTo(new Bounds(0, 20, 100, 40));
    }

    @Test
    void aBentCutSplitsATouchingPairAlongItsPath() {
        // Two chromosomes touching in an L; the cut bends with the gap between them.
        Polygon cluster = new Polygon(List.of(new Point(0, 0), new Point(60, 0), new Point(60, 60), new Point(0, 60)));
        var cut = new Polyline(List.of(new Point(20, -5), new Point(20, 40), new Point(65, 40)));
        var split = ShapeSurgery.split(cluster, cut);
        double a = ((Polygon) split.left()).area(), b = ((Polygon) split.right()).area();
        assertThat(a + b).isCloseTo(3600, within(1e-6));
        assertThat(Math.min(a, b)).isCloseTo(40 * 40, within(1e-6)); // the corner piece 20..60 x 0..40
        assertThat(Math.max(a, b)).isCloseTo(3600 - 1600, within(1e-6));
    }

    @Test
    void aRotatedBoxSplitsToo() {
        var split = ShapeSurgery.split(new RotatedBox(50, 50, 80, 20, 30), new Polyline(List.of(new Point(50, 0), new Point(50, 100))));
        assertThat(((Polygon) split.left()).area() + ((Polygon) split.right()).area()).isCloseTo(1600, within(1e-6));
    }

    @Test
    void aLineThatMissesTheShapeIsRefused() {
        assertThatThrownBy(() -> ShapeSurgery.split(new Box(0, 0, 10, 10), new Polyline(List.of(new Point(20, 0), new Point(20, 10)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not cut");
    }

    @Test
    void masksSplitByTheSideOfTheLine() {
        Mask m = ShapesTest.mask(20, 10, 2, 2, 17, 5); // 16 x 4 pixels
        var split = ShapeSurgery.split(m, new Polyline(List.of(new Point(10, 0), new Point(10, 10))));
        Mask left = (Mask) split.left(), right = (Mask) split.right();
        // A downward line: its left on screen is +x.
        assertThat(left.area() + right.area()).isEqualTo(64);
        assertThat(left.bounds()).isEqualTo(new Bounds(10, 2, 18, 6));
        assertThat(right.bounds()).isEqualTo(new Bounds(2, 2, 10, 6));
    }

    @Test
    void mergeJoinsOverlappingOutlinesAndOrsMasks() {
        Polygon union = (Polygon) ShapeSurgery.merge(new Box(0, 0, 20, 10), new Box(10, 0, 20, 10));
        assertThat(union.area()).isCloseTo(300, within(1e-6));
        assertThat(union.bounds()).isEqualTo(new Bounds(0, 0, 30, 10));

        Polygon bridged = (Polygon) ShapeSurgery.merge(Docs.square(0, 0, 10), Docs.square(20, 0, 10));
        assertThat(bridged.area()).as("a gap between two pieces: their convex hull").isCloseTo(300, within(1e-6));

        Mask merged = (Mask) ShapeSurgery.merge(ShapesTest.mask(10, 10, 0, 0, 4, 4), ShapesTest.mask(10, 10, 3, 3, 6, 6));
        assertThat(merged.area()).isEqualTo(25 + 16 - 4);
        assertThatThrownBy(() -> ShapeSurgery.merge(ShapesTest.mask(10, 10, 0, 0, 1, 1), new Box(0, 0, 1, 1)))
                .hasMessageContaining("mask");
    }

    @Test
    void splitThenMergeGivesTheWholeBack() {
        Box whole = new Box(10, 10, 50, 30);
        var split = ShapeSurgery.split(whole, new Polyline(List.of(new Point(30, 0), new Point(35, 50))));
        Polygon back = (Polygon) ShapeSurgery.merge(split.left(), split.right());
        assertThat(back.area()).isCloseTo(1500, within(1e-6));
        assertThat(back.bounds()).isEqualTo(new Bounds(10, 10, 60, 40));
    }
}
