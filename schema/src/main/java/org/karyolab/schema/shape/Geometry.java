package org.karyolab.schema.shape;

import java.util.List;
import org.karyolab.schema.Violation;

/**
 * Geometry across shapes: how much two overlap ({@link #iou}), the shoelace area of a ring, and (package
 * private) the checks behind validation. With an image size, coordinates must lie in [0, size] with a
 * 1-pixel tolerance (annotation tools snap to pixel edges and round); without one, only intrinsic checks run.
 */
public final class Geometry {

    static final double TOLERANCE = 1.0;

    private final Integer imageWidth;
    private final Integer imageHeight;

    private Geometry(Integer imageWidth, Integer imageHeight) {
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
    }

    /** One shape's checks, with or without image bounds (each shape keeps its own rules). */
    static List<Violation> check(Shape shape, Geometry g, List<Violation> out) {
        return switch (shape) {
            case Box s -> s.check(g, out);
            case RotatedBox s -> s.check(g, out);
            case Polygon s -> s.check(g, out);
            case Mask s -> s.check(g, out);
            case Keypoints s -> s.check(g, out);
            case Polyline s -> s.check(g, out);
        };
    }

    static Geometry unbounded() {
        return new Geometry(null, null);
    }

    static Geometry within(int imageWidth, int imageHeight, List<Violation> out) {
        if (imageWidth <= 0 || imageHeight <= 0) {
            out.add(new Violation("", "image size must be positive to check a shape against it (was "
                    + imageWidth + " x " + imageHeight + ")"));
            return unbounded();
        }
        return new Geometry(imageWidth, imageHeight);
    }

    boolean bounded() {
        return imageWidth != null;
    }

    int imageWidth() {
        return imageWidth;
    }

    int imageHeight() {
        return imageHeight;
    }

    /** Records a violation when the number is NaN or infinite; returns true when it is finite. */
    static boolean finite(List<Violation> out, String pointer, String field, double value) {
        if (!Double.isFinite(value)) {
            out.add(new Violation(pointer, field + " must be a finite number (was " + value + ")"));
            return false;
        }
        return true;
    }

    static void positive(List<Violation> out, String pointer, String field, double value) {
        if (Double.isFinite(value) && value <= 0) {
            out.add(new Violation(pointer, field + " must be greater than 0 (was " + value + ")"));
        }
    }

    /** Checks a point: present, finite, and (when bounded) inside the image. */
    void point(List<Violation> out, String pointer, Point p) {
        if (p == null) {
            out.add(new Violation(pointer, "point must not be null"));
            return;
        }
        if (finite(out, pointer + "/x", "x", p.x())) {
            insideX(out, pointer + "/x", "x", p.x());
        }
        if (finite(out, pointer + "/y", "y", p.y())) {
            insideY(out, pointer + "/y", "y", p.y());
        }
    }

    void insideX(List<Violation> out, String pointer, String what, double x) {
        if (bounded() && (x < -TOLERANCE || x > imageWidth + TOLERANCE)) {
            out.add(new Violation(pointer, what + " = " + x + " is outside the image width 0.." + imageWidth
                    + " (1 px tolerance)"));
        }
    }

    void insideY(List<Violation> out, String pointer, String what, double y) {
        if (bounded() && (y < -TOLERANCE || y > imageHeight + TOLERANCE)) {
            out.add(new Violation(pointer, what + " = " + y + " is outside the image height 0.." + imageHeight
                    + " (1 px tolerance)"));
        }
    }

    boolean inside(double x, double y) {
        return !bounded() || (x >= -TOLERANCE && x <= imageWidth + TOLERANCE
                && y >= -TOLERANCE && y <= imageHeight + TOLERANCE);
    }

    /**
     * Checks a ring (polygon exterior or hole): enough distinct points and a non-zero area.
     * Only looks at area when every point is present and finite (the point checks report those).
     */
    void ring(List<Violation> out, String pointer, String what, List<Point> ring) {
        for (int i = 0; i < ring.size(); i++) {
            point(out, pointer + "/" + i, ring.get(i));
        }
        if (ring.stream().anyMatch(p -> p == null || !p.finite())) {
            return;
        }
        long distinct = ring.stream().distinct().count();
        if (distinct < 3) {
            out.add(new Violation(pointer, what + " needs at least 3 distinct points (has " + distinct + ")"));
        } else if (Math.abs(signedArea(ring)) < 1e-9) {
            out.add(new Violation(pointer, what + " has zero area (its points are collinear)"));
        }
    }

    /**
     * Intersection over union of the two shapes' areas, in [0, 1], symmetric, 1 for a shape with itself
     * (also a shape without area). By kind:
     * <ul>
     * <li>two boxes: exact, from their rectangles;</li>
     * <li>boxes, rotated boxes and polygons among each other: polygon intersection of the outlines, holes
     *     included (JTS; a self-crossing polygon is repaired first by its {@code GeometryFixer});</li>
     * <li>two masks: by their pixels (the same pixel grid; a mask's pixel (x, y) is the square [x, x+1] x [y, y+1]);</li>
     * <li>a mask and an outline: the outline rasterised on the mask's grid (the pixels whose centres are inside it),
     *     then by pixels;</li>
     * <li>key points and polylines have no area: 0 against anything but an equal shape.</li>
     * </ul>
     */
    public static double iou(Shape a, Shape b) {
        return Overlap.iou(a, b);
    }

    /** Shoelace formula over an implicitly closed ring; positive when it runs counter-clockwise in y-up terms. */
    public static double signedArea(List<Point> ring) {
        double sum = 0;
        for (int i = 0; i < ring.size(); i++) {
            Point a = ring.get(i);
            Point b = ring.get((i + 1) % ring.size());
            sum += a.x() * b.y() - b.x() * a.y();
        }
        return sum / 2;
    }
}
