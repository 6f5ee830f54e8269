package org.karyolab.server.service;

import org.karyolab.schema.AnnotationLabels;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

import java.util.Collection;
import java.util.Objects;

/**
 * How much a person changed a suggestion before accepting it, kept deliberately simple:
 * {@code (1 - IoU of the two shapes' axis-aligned bounding boxes) + (1 if the class changed)},
 * where "the class" is the chromosome class or the cluster type. 0 = accepted as is; at most 2.
 * Other label changes (polarity, bands, anomalies) make it an edit but add nothing to the size.
 */
public final class EditSize {
    private EditSize() {}

    /** x0, y0 (inclusive) to x1, y1 (exclusive), in pixels. */
    record Bounds(double x0, double y0, double x1, double y1) {
        double area() {
            return Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        }
    }

    public static double of(Shape beforeShape, AnnotationLabels beforeLabels, Shape afterShape, AnnotationLabels afterLabels) {
        double size = 1 - iou(bounds(beforeShape), bounds(afterShape));
        boolean classChanged = !Objects.equals(beforeLabels.chromosomeClass(), afterLabels.chromosomeClass())
                || !Objects.equals(beforeLabels.clusterType(), afterLabels.clusterType());
        return size + (classChanged ? 1 : 0);
    }

    static double iou(Bounds a, Bounds b) {
        if (a.equals(b)) return 1; // also for zero-area bounds (a single key point)
        Bounds meet = new Bounds(Math.max(a.x0(), b.x0()), Math.max(a.y0(), b.y0()), Math.min(a.x1(), b.x1()), Math.min(a.y1(), b.y1()));
        double inter = meet.area();
        double union = a.area() + b.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    static Bounds bounds(Shape shape) {
        return switch (shape) {
            case Box b -> new Bounds(b.x(), b.y(), b.x() + b.width(), b.y() + b.height());
            case RotatedBox r -> of(r.corners());
            case Polygon p -> of(p.exterior());
            case Polyline l -> of(l.points());
            case Keypoints k -> of(k.points().values());
            case Mask m -> maskBounds(m);
        };
    }

    private static Bounds of(Collection<Point> points) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            x0 = Math.min(x0, p.x());
            y0 = Math.min(y0, p.y());
            x1 = Math.max(x1, p.x());
            y1 = Math.max(y1, p.y());
        }
        return points.isEmpty() ? new Bounds(0, 0, 0, 0) : new Bounds(x0, y0, x1, y1);
    }

    /** From the RLE runs (column-major: pixel i is at x = i / height, y = i % height) without decoding. */
    private static Bounds maskBounds(Mask m) {
        long index = 0;
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int i = 0; i < m.counts().size(); i++) {
            long count = m.counts().get(i);
            if (i % 2 == 1 && count > 0) {
                long first = index, last = index + count - 1;
                int fx = (int) (first / m.height()), lx = (int) (last / m.height());
                x0 = Math.min(x0, fx);
                x1 = Math.max(x1, lx);
                if (fx == lx) {
                    y0 = Math.min(y0, (int) (first % m.height()));
                    y1 = Math.max(y1, (int) (last % m.height()));
                } else {
                    y0 = 0;
                    y1 = m.height() - 1;
                }
            }
            index += count;
        }
        return x1 < 0 ? new Bounds(0, 0, 0, 0) : new Bounds(x0, y0, x1 + 1, y1 + 1);
    }
}
