package org.karyolab.schema.shape;

import java.util.List;

/** A position in pixel coordinates of the full-resolution image: x to the right, y down, origin at the top-left corner. */
public record Point(double x, double y) {

    public Point translate(double dx, double dy) {
        return new Point(x + dx, y + dy);
    }

    /** Each point moved by (dx, dy). */
    static List<Point> shift(List<Point> points, double dx, double dy) {
        return points.stream().map(p -> p.translate(dx, dy)).toList();
    }

    /** Both coordinates are real numbers (not NaN or infinite). Not named isFinite so JSON does not see a property. */
    public boolean finite() {
        return Double.isFinite(x) && Double.isFinite(y);
    }
}
