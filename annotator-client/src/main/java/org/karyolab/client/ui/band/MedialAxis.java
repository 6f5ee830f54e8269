package org.karyolab.client.ui.band;

import java.util.List;
import org.karyolab.schema.shape.Bounds;
import org.karyolab.client.document.ImageDocument;
import org.karyolab.client.document.Shapes;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;

/**
 * Which medial axis the band editor straightens, and which annotation holds the band calls.
 *
 * <p>The rule, kept simple: if the selected annotation's shape is a {@link Polyline}, it is the axis
 * and holds the band calls. Otherwise (box, polygon, mask, ...) the axis is the polyline annotation
 * of the same chromosome that overlaps it: at least half of the polyline's points fall inside (within
 * 2 px of) the selected shape, and its class is the selected one's or none. The best such polyline
 * (most points inside, then longest) wins. The band calls stay on the selected annotation; their
 * fractions are measured along that polyline from its first point.
 *
 * @param target       the annotation whose labels hold the band calls
 * @param axis         the medial axis
 * @param axisId       the annotation the axis comes from (the target itself, or the overlapping polyline)
 * @param chromosome   the class: the target's, else the axis annotation's; null if neither has one
 * @param halfWidth    a starting half-width for straightening, estimated from the target's area when it is
 *                     an outline, else a default
 */
public record MedialAxis(Annotation target, Polyline axis, String axisId, ChromosomeClass chromosome, double halfWidth) {

    public static final double DEFAULT_HALF_WIDTH = 10;

    /** The axis for {@code selected}, or null when there is none (see the rule above). */
    public static MedialAxis of(ImageDocument document, Annotation selected) {
        if (selected == null) return null;
        if (selected.shape() instanceof Polyline line) {
            return new MedialAxis(selected, line, selected.id(), selected.labels().chromosomeClass(), DEFAULT_HALF_WIDTH);
        }
        ChromosomeClass c = selected.labels().chromosomeClass();
        Bounds b = selected.shape().bounds();
        Annotation best = null;
        double bestShare = 0, bestLength = 0;
        for (Annotation a : document.annotations()) {
            if (a.id().equals(selected.id()) || !(a.shape() instanceof Polyline line) || line.points().size() < 2) continue;
            ChromosomeClass other = a.labels().chromosomeClass();
            if (other != null && c != null && other != c) continue;
            if (!intersects(b, line.bounds())) continue;
            int inside = 0;
            for (Point p : line.points()) if (Shapes.hits(selected.shape(), p.x(), p.y(), 2)) inside++;
            double share = inside / (double) line.points().size();
            double length = line.length();
            if (share >= 0.5 && (share > bestShare || share == bestShare && length > bestLength)) {
                best = a;
                bestShare = share;
                bestLength = length;
            }
        }
        if (best == null) return null;
        Polyline axis = (Polyline) best.shape();
        return new MedialAxis(selected, axis, best.id(), c != null ? c : best.labels().chromosomeClass(), halfWidth(selected, axis));
    }

    private static boolean intersects(Bounds a, Bounds b) {
        return a.minX() <= b.maxX() && b.minX() <= a.maxX() && a.minY() <= b.maxY() && b.minY() <= a.maxY();
    }

    /** Half the mean width of the outline along the axis (area / length / 2), with a little margin. */
    static double halfWidth(Annotation outline, Polyline axis) {
        double length = axis.length();
        if (length <= 0) return DEFAULT_HALF_WIDTH;
        double area;
        try {
            Polygon p = Shapes.toPolygon(outline.shape());
            area = Math.abs(area(p.exterior()));
        } catch (RuntimeException e) {
            return DEFAULT_HALF_WIDTH;
        }
        double h = area / length / 2 * 1.25;
        return Double.isFinite(h) ? Math.clamp(Math.round(h), 3, 80) : DEFAULT_HALF_WIDTH;
    }

    private static double area(List<Point> ps) {
        double s = 0;
        for (int i = 0; i < ps.size(); i++) {
            Point a = ps.get(i), b = ps.get((i + 1) % ps.size());
            s += a.x() * b.y() - b.x() * a.y();
        }
        return s / 2;
    }
}
