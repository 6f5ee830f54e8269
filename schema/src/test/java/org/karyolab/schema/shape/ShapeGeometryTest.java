package org.karyolab.schema.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each shape's own geometry: type name, bounds, area, translate; and IoU across kinds. */
class ShapeGeometryTest {

    /** A mask with the rectangle of pixels x0..x1, y0..y1 (inclusive) set. */
    static Mask mask(int w, int h, int x0, int y0, int x1, int y1) {
        boolean[] px = new boolean[w * h];
        for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) px[y * w + x] = true;
        return Mask.encode(w, h, px);
    }

    static Polygon square(double x, double y, double side) {
        return new Polygon(List.of(new Point(x, y), new Point(x + side, y), new Point(x + side, y + side), new Point(x, y + side)));
    }

    @Test
    void typeIsTheJsonName() {
        assertThat(new Box(0, 0, 1, 1).type()).isEqualTo("box");
        assertThat(new RotatedBox(5, 5, 2, 1, 30).type()).isEqualTo("rotated-box");
        assertThat(square(0, 0, 1).type()).isEqualTo("polygon");
        assertThat(mask(2, 2, 0, 0, 0, 0).type()).isEqualTo("mask");
        assertThat(new Keypoints(Map.of("centromere", new Point(1, 1))).type()).isEqualTo("keypoints");
        assertThat(new Polyline(List.of(new Point(0, 0), new Point(1, 1))).type()).isEqualTo("polyline");
    }

    @Test
    void boundsOfEveryShapeKind() {
        assertThat(new Box(10, 20, 30, 40).bounds()).isEqualTo(new Bounds(10, 20, 40, 60));
        Bounds turned = new RotatedBox(50, 50, 20, 10, 90).bounds();
        assertThat(turned.minX()).isCloseTo(45, within(1e-9));
        assertThat(turned.maxY()).isCloseTo(60, within(1e-9));
        assertThat(square(5, 6, 10).bounds()).isEqualTo(new Bounds(5, 6, 15, 16));
        assertThat(new Polyline(List.of(new Point(1, 9), new Point(7, 2))).bounds()).isEqualTo(new Bounds(1, 2, 7, 9));
        assertThat(new Keypoints(Map.of("centromere", new Point(3, 4))).bounds()).isEqualTo(new Bounds(3, 4, 3, 4));
        // Mask pixels (2..4, 3..4) in a 10x8 image: from the runs alone.
        assertThat(mask(10, 8, 2, 3, 4, 4).bounds()).isEqualTo(new Bounds(2, 3, 5, 5));
        assertThat(mask(10, 8, 1, 0, 2, 7).bounds()).as("runs wrapping columns").isEqualTo(new Bounds(1, 0, 3, 8));
        assertThat(Mask.encode(3, 2, new boolean[6]).bounds()).as("an empty mask").isEqualTo(new Bounds(0, 0, 0, 0));
    }

    @Test
    void areaOfEveryShapeKind() {
        assertThat(new Box(0, 0, 3, 4).area()).isEqualTo(12);
        assertThat(new RotatedBox(50, 50, 3, 4, 33).area()).isEqualTo(12);
        assertThat(new Polygon(square(0, 0, 10).exterior(), List.of(square(2, 2, 2).exterior())).area()).isEqualTo(96);
        assertThat(mask(10, 8, 2, 3, 4, 4).area()).isEqualTo(6);
        assertThat(mask(10, 8, 2, 3, 4, 4).pixelCount()).isEqualTo(6);
        assertThat(new Keypoints(Map.of("centromere", new Point(3, 4))).area()).isZero();
        assertThat(new Polyline(List.of(new Point(1, 9), new Point(7, 2))).area()).isZero();
    }

    @Test
    void translateMovesEveryKindIncludingMasks() {
        assertThat(new Box(1, 2, 3, 4).translate(10, 20)).isEqualTo(new Box(11, 22, 3, 4));
        assertThat(new RotatedBox(1, 2, 3, 4, 10).translate(1, -1)).isEqualTo(new RotatedBox(2, 1, 3, 4, 10));
        assertThat(new Polygon(square(0, 0, 10).exterior(), List.of(square(2, 2, 2).exterior())).translate(1, 2))
                .isEqualTo(new Polygon(square(1, 2, 10).exterior(), List.of(square(3, 4, 2).exterior())));
        assertThat(new Polyline(List.of(new Point(1, 9), new Point(7, 2))).translate(-1, 1))
                .isEqualTo(new Polyline(List.of(new Point(0, 10), new Point(6, 3))));
        Keypoints kp = new Keypoints(Map.of("p_ter", new Point(1, 1))).translate(2, 3);
        assertThat(kp.points()).containsExactly(Map.entry("p_ter", new Point(3, 4)));

        Mask moved = mask(10, 8, 2, 3, 4, 4).translate(3, 1);
        assertThat(moved.bounds()).isEqualTo(new Bounds(5, 4, 8, 6));
        assertThat(moved.area()).isEqualTo(6);
        assertThat(mask(10, 8, 2, 3, 4, 4).translate(2.6, 0.4)).as("whole pixels, rounded").isEqualTo(mask(10, 8, 5, 3, 7, 4));
        assertThat(mask(10, 8, 2, 3, 4, 4).translate(7, 0).area()).as("what leaves the image is cut off").isEqualTo(1 * 2);
    }

    @Test
    void boundsIouIsTheRectangleOverlap() {
        var a = new Bounds(0, 0, 10, 10);
        assertThat(a.iou(a)).isEqualTo(1);
        assertThat(a.iou(new Bounds(5, 0, 15, 10))).isCloseTo(50.0 / 150, within(1e-12));
        assertThat(a.iou(new Bounds(20, 20, 30, 30))).isZero();
        assertThat(a.iou(new Bounds(10, 0, 20, 10))).as("touching edges share no area").isZero();
        assertThat(new Bounds(3, 4, 3, 4).iou(new Bounds(3, 4, 3, 4))).as("a point is itself").isEqualTo(1);
        assertThat(new Bounds(3, 4, 3, 4).iou(new Bounds(5, 4, 5, 4))).isZero();
    }

    @Test
    void iouOfBoxesIsExact() {
        assertThat(Geometry.iou(new Box(0, 0, 10, 10), new Box(5, 0, 10, 10))).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(Geometry.iou(new Box(0, 0, 10, 10), new Box(2, 2, 5, 5))).isCloseTo(0.25, within(1e-12));
        assertThat(Geometry.iou(new Box(0, 0, 10, 10), new Box(50, 50, 5, 5))).isZero();
    }

    @Test
    void iouOfOutlinesIsTheirPolygonIntersection() {
        // A box and the same box as a polygon and as an unturned rotated box: the same area.
        assertThat(Geometry.iou(new Box(0, 0, 10, 10), square(0, 0, 10))).isCloseTo(1, within(1e-12));
        assertThat(Geometry.iou(new RotatedBox(5, 5, 10, 10, 0), new Box(0, 0, 10, 10))).isCloseTo(1, within(1e-12));
        // A square turned by 45 degrees about its centre against itself unturned: octagon / (2 * 100 - octagon).
        double octagon = 2 * 100 * (Math.sqrt(2) - 1);
        assertThat(Geometry.iou(new RotatedBox(5, 5, 10, 10, 45), new Box(0, 0, 10, 10)))
                .isCloseTo(octagon / (200 - octagon), within(1e-9));
        // A hole is not part of the polygon: a 10x10 square with a 4x4 hole against the hole's square shares nothing.
        Polygon ring = new Polygon(square(0, 0, 10).exterior(), List.of(square(3, 3, 4).exterior()));
        assertThat(Geometry.iou(ring, square(3, 3, 4))).isCloseTo(0, within(1e-12));
        assertThat(Geometry.iou(ring, square(0, 0, 10))).isCloseTo(84.0 / 100, within(1e-12));
        // A concave L against a square in its notch.
        Polygon l = new Polygon(List.of(new Point(0, 0), new Point(10, 0), new Point(10, 5), new Point(5, 5),
                new Point(5, 10), new Point(0, 10)));
        assertThat(Geometry.iou(l, square(5, 5, 5))).isCloseTo(0, within(1e-12));
        assertThat(Geometry.iou(l, square(0, 0, 5))).isCloseTo(25.0 / 75, within(1e-12));
    }

    @Test
    void aSelfCrossingPolygonIsRepairedNotRefused() {
        // A bow tie: two triangles of area 25 each meeting at (5, 5).
        Polygon bowTie = new Polygon(List.of(new Point(0, 0), new Point(10, 10), new Point(10, 0), new Point(0, 10)));
        double iou = Geometry.iou(bowTie, new Box(0, 0, 10, 10));
        assertThat(iou).isCloseTo(50.0 / 100, within(1e-9));
    }

    @Test
    void iouOfMasksIsByPixels() {
        Mask a = mask(10, 8, 0, 0, 3, 3), b = mask(10, 8, 2, 0, 5, 3);
        assertThat(Geometry.iou(a, b)).isCloseTo(8.0 / 24, within(1e-12));
        assertThat(Geometry.iou(a, mask(10, 8, 6, 4, 9, 7))).isZero();
        // Masks of different heights still compare pixel (x, y) with pixel (x, y).
        assertThat(Geometry.iou(mask(10, 8, 0, 0, 3, 3), mask(12, 5, 0, 0, 3, 3))).isEqualTo(1);
        assertThat(Geometry.iou(mask(10, 8, 2, 6, 3, 7), mask(10, 7, 2, 5, 3, 6))).isCloseTo(2.0 / 6, within(1e-12));
    }

    @Test
    void iouOfAMaskAndAnOutlineRasterisesTheOutline() {
        Mask m = mask(10, 8, 2, 3, 4, 4); // 3 x 2 pixels: [2, 5] x [3, 5]
        assertThat(Geometry.iou(m, new Box(2, 3, 3, 2))).isEqualTo(1);
        assertThat(Geometry.iou(new Box(2, 3, 3, 2), m)).isEqualTo(1);
        assertThat(Geometry.iou(m, new Box(2, 3, 1, 2))).isCloseTo(2.0 / 6, within(1e-12));
        // A box reaching beyond the mask's grid: its pixels out there still count in the union.
        assertThat(Geometry.iou(mask(4, 4, 0, 0, 3, 3), new Box(0, 0, 4, 8))).isCloseTo(0.5, within(1e-12));
        // A polygon's hole is not drawn.
        Polygon ring = new Polygon(square(1, 1, 6).exterior(), List.of(square(3, 3, 2).exterior()));
        Mask frame = Mask.encode(8, 8, pixels(8, 8, (x, y) -> x >= 1 && x < 7 && y >= 1 && y < 7 && !(x >= 3 && x < 5 && y >= 3 && y < 5)));
        assertThat(Geometry.iou(frame, ring)).isEqualTo(1);
    }

    @Test
    void shapesWithoutAreaShareNothingButWithThemselves() {
        var kp = new Keypoints(Map.of("centromere", new Point(3, 4)));
        var line = new Polyline(List.of(new Point(0, 0), new Point(5, 5)));
        assertThat(Geometry.iou(kp, kp)).isEqualTo(1);
        assertThat(Geometry.iou(line, new Polyline(List.of(new Point(0, 0), new Point(5, 5))))).isEqualTo(1);
        assertThat(Geometry.iou(kp, new Box(0, 0, 10, 10))).isZero();
        assertThat(Geometry.iou(new Box(0, 0, 10, 10), line)).isZero();
        assertThat(Geometry.iou(line, mask(10, 8, 0, 0, 9, 7))).isZero();
    }

    interface PixelTest {
        boolean at(int x, int y);
    }

    static boolean[] pixels(int w, int h, PixelTest set) {
        boolean[] px = new boolean[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[y * w + x] = set.at(x, y);
        return px;
    }
}
