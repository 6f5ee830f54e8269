package org.karyolab.schema.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.karyolab.schema.Generators;

/** Invariants of the shapes' own geometry over random valid shapes of every kind. */
class ShapeGeometryPropertyTest {

    private static final int W = 40, H = 30;

    /** Valid shapes of every kind; a polygon keeps only holes that lie inside it (the schema does not ask that). */
    @Provide
    Arbitrary<Shape> shapes() {
        return Generators.shapes(W, H).map(s -> s instanceof Polygon p ? holesInside(p) : s);
    }

    private static Polygon holesInside(Polygon p) {
        var outline = new Path2D.Double();
        outline.moveTo(p.exterior().getFirst().x(), p.exterior().getFirst().y());
        p.exterior().forEach(q -> outline.lineTo(q.x(), q.y()));
        outline.closePath();
        // The generated exteriors are convex (points on a circle): a hole with every point inside is inside.
        return new Polygon(p.exterior(), p.holes().stream().filter(h -> h.stream().allMatch(q -> outline.contains(q.x(), q.y()))).toList());
    }

    @Provide
    Arbitrary<Double> offsets() {
        return Arbitraries.doubles().between(-50, 50);
    }

    @Property(tries = 300)
    void translatePreservesArea(@ForAll("shapes") Shape s, @ForAll("offsets") double dx, @ForAll("offsets") double dy) {
        if (s instanceof Mask m) {
            // A mask stays on its grid: moved by whole pixels, it keeps its area when nothing leaves the grid.
            Bounds b = m.bounds();
            int ix = (int) Math.round(dx) % 4, iy = (int) Math.round(dy) % 4;
            boolean staysInside = b.minX() + ix >= 0 && b.maxX() + ix <= W && b.minY() + iy >= 0 && b.maxY() + iy <= H;
            Mask moved = m.translate(ix, iy);
            if (staysInside) assertThat(moved.area()).isEqualTo(m.area());
            else assertThat(moved.area()).isLessThanOrEqualTo(m.area());
            return;
        }
        assertThat(s.translate(dx, dy).area()).isCloseTo(s.area(), within(1e-9 * Math.max(1, s.area())));
    }

    @Property(tries = 300)
    void translateMovesTheBounds(@ForAll("shapes") Shape s, @ForAll("offsets") double dx, @ForAll("offsets") double dy) {
        if (s instanceof Mask) return; // whole pixels, cut at the grid: covered by translatePreservesArea
        Bounds b = s.bounds(), moved = s.translate(dx, dy).bounds();
        assertThat(moved.minX()).isCloseTo(b.minX() + dx, within(1e-9));
        assertThat(moved.minY()).isCloseTo(b.minY() + dy, within(1e-9));
        assertThat(moved.maxX()).isCloseTo(b.maxX() + dx, within(1e-9));
        assertThat(moved.maxY()).isCloseTo(b.maxY() + dy, within(1e-9));
        assertThat(s.translate(dx, dy).translate(-dx, -dy).bounds().minX()).isCloseTo(b.minX(), within(1e-9));
    }

    @Property(tries = 300)
    void boundsContainEveryPoint(@ForAll("shapes") Shape s) {
        Bounds b = s.bounds();
        for (Point p : points(s)) assertThat(b.contains(p.x(), p.y())).as("%s in %s", p, b).isTrue();
        if (s instanceof Mask m) {
            boolean[] px = m.decode();
            for (int y = 0; y < m.height(); y++) {
                for (int x = 0; x < m.width(); x++) {
                    if (px[y * m.width() + x]) assertThat(b.contains(x, y) && b.contains(x + 1, y + 1)).as("pixel %d,%d", x, y).isTrue();
                }
            }
        }
    }

    @Property(tries = 300)
    void boundsAreTight(@ForAll("shapes") Shape s) {
        Bounds b = s.bounds();
        if (s instanceof Mask m) {
            if (m.pixelCount() == 0) return;
            // Some foreground pixel touches each edge.
            boolean[] px = m.decode();
            var touching = new boolean[4];
            for (int y = 0; y < m.height(); y++) {
                for (int x = 0; x < m.width(); x++) {
                    if (!px[y * m.width() + x]) continue;
                    touching[0] |= x == b.minX();
                    touching[1] |= y == b.minY();
                    touching[2] |= x + 1 == b.maxX();
                    touching[3] |= y + 1 == b.maxY();
                }
            }
            assertThat(touching).containsOnly(true);
            return;
        }
        List<Point> points = points(s);
        assertThat(points).anyMatch(p -> p.x() == b.minX()).anyMatch(p -> p.y() == b.minY())
                .anyMatch(p -> p.x() == b.maxX()).anyMatch(p -> p.y() == b.maxY());
    }

    @Property(tries = 300)
    void areaIsWithinTheBounds(@ForAll("shapes") Shape s) {
        assertThat(s.area()).isBetween(0.0, s.bounds().area() + 1e-9);
    }

    @Property(tries = 400)
    void iouIsSymmetricAndAFraction(@ForAll("shapes") Shape a, @ForAll("shapes") Shape b) {
        double ab = Geometry.iou(a, b), ba = Geometry.iou(b, a);
        assertThat(ab).isBetween(0.0, 1.0);
        assertThat(ab).isCloseTo(ba, within(1e-9));
    }

    @Property(tries = 300)
    void iouWithItselfIsOne(@ForAll("shapes") Shape s) {
        assertThat(Geometry.iou(s, s)).isEqualTo(1);
        switch (s) {
            // The same outline in another form, so the polygon path runs rather than the equality.
            case Box b -> assertThat(Geometry.iou(b, new Polygon(b.corners()))).isCloseTo(1, within(1e-9));
            case RotatedBox r -> assertThat(Geometry.iou(r, new Polygon(r.corners()))).isCloseTo(1, within(1e-9));
            case Polygon p -> {
                var turned = new ArrayList<>(p.exterior().subList(1, p.exterior().size()));
                turned.add(p.exterior().getFirst());
                assertThat(Geometry.iou(p, new Polygon(turned, p.holes()))).isCloseTo(1, within(1e-9));
            }
            // The pixel path on grids of the mask's height and a taller one.
            case Mask m -> {
                assertThat(m.pixels(m.height()).overlap(m.pixels(m.height()))).isEqualTo(m.pixelCount());
                assertThat(m.pixels(m.height() + 3).overlap(m.pixels(m.height() + 3))).isEqualTo(m.pixelCount());
            }
            default -> { }
        }
    }

    @Provide
    Arbitrary<Box> boxes() {
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0.01, 1);
        return Combinators.combine(Arbitraries.doubles().between(0, W - 1), Arbitraries.doubles().between(0, H - 1), fraction, fraction)
                .as((x, y, fw, fh) -> new Box(x, y, Math.max(0.001, (W - x) * fw), Math.max(0.001, (H - y) * fh)));
    }

    @Property(tries = 300)
    void iouOfBoxesIsTheirBoundsIouOnEveryPath(@ForAll("boxes") Box a, @ForAll("boxes") Box b) {
        double expected = a.bounds().iou(b.bounds());
        assertThat(Geometry.iou(a, b)).isEqualTo(expected);
        assertThat(Geometry.iou(a, new Polygon(b.corners()))).as("polygon path").isCloseTo(expected, within(1e-9));
        assertThat(Geometry.iou(new RotatedBox(a.x() + a.width() / 2, a.y() + a.height() / 2, a.width(), a.height(), 0), b))
                .as("rotated box path").isCloseTo(expected, within(1e-9));
    }

    @Property(tries = 200)
    void disjointShapesShareNothing(@ForAll("shapes") Shape s) {
        if (s instanceof Mask) return; // stays on its own grid
        Bounds b = s.bounds();
        Shape far = s.translate(b.width() + 10, 0);
        assertThat(Geometry.iou(s, far)).isZero();
    }

    /** The points a shape is made of (a mask has none: its pixels are checked apart). */
    private static List<Point> points(Shape s) {
        return switch (s) {
            case Box b -> b.corners();
            case RotatedBox r -> r.corners();
            case Polygon p -> {
                var all = new ArrayList<>(p.exterior());
                p.holes().forEach(all::addAll);
                yield all;
            }
            case Polyline l -> l.points();
            case Keypoints k -> List.copyOf(k.points().values());
            case Mask m -> List.of();
        };
    }
}
