package org.karyolab.client.document;

import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.karyolab.schema.shape.Bounds;
import org.karyolab.schema.shape.Geometry;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.Shape;

/**
 * Splitting a touching cluster along a drawn line, and merging two pieces of one chromosome.
 * Outlines (box, rotated box, polygon) go through {@link java.awt.geom.Area} (plain geometry, no
 * GUI); masks are split pixel by pixel by the side of the line they lie on, and merged by OR.
 */
public final class ShapeSurgery {

    /** Pieces smaller than this (square pixels) are slivers of an imprecise cut, not chromosomes. */
    static final double MIN_PIECE_AREA = 1.0;

    private ShapeSurgery() {
    }

    /** The two halves of a split; {@code left} lies to the left of the cut as drawn (on screen, y down). */
    public record Split(Shape left, Shape right) {}

    /**
     * Cuts {@code shape} in two along {@code cut}. The cut's ends are extended far past the shape, so
     * a line drawn roughly across a cluster is enough. Outlines give two polygons (each side's
     * largest piece, if the line crosses the shape several times); a mask gives two masks.
     *
     * @throws IllegalArgumentException if the line does not cut the shape into two non-empty parts
     */
    public static Split split(Shape shape, Polyline cut) {
        if (cut.points().size() < 2) throw new IllegalArgumentException("a cut needs at least 2 points");
        if (shape instanceof Mask m) return splitMask(m, cut);
        Polygon outline = Shapes.toPolygon(shape);
        Area whole = new Area(Shapes.path(outline));
        Bounds b = outline.bounds().union(cut.bounds());
        double far = 4 * (b.width() + b.height()) + 10;
        Area leftSide = new Area(leftHalfPlane(extend(cut.points(), far), far));
        Area left = new Area(whole);
        left.intersect(leftSide);
        Area right = new Area(whole);
        right.subtract(leftSide);
        List<Polygon> leftPieces = polygons(left), rightPieces = polygons(right);
        if (leftPieces.isEmpty() || rightPieces.isEmpty()) {
            throw new IllegalArgumentException("the line does not cut the shape in two; draw it across the shape");
        }
        return new Split(leftPieces.getFirst(), rightPieces.getFirst());
    }

    /** The cut with its first and last segments lengthened by {@code far}. */
    private static List<Point> extend(List<Point> pts, double far) {
        var out = new ArrayList<>(pts);
        out.set(0, beyond(pts.get(1), pts.get(0), far));
        out.set(out.size() - 1, beyond(pts.get(pts.size() - 2), pts.getLast(), far));
        return out;
    }

    private static Point beyond(Point from, Point to, double far) {
        double dx = to.x() - from.x(), dy = to.y() - from.y(), len = Math.hypot(dx, dy);
        if (len == 0) return to;
        return new Point(to.x() + dx / len * far, to.y() + dy / len * far);
    }

    /** The cut closed by a big loop on its left: its inside is the left side of the line. */
    private static Path2D leftHalfPlane(List<Point> line, double far) {
        Point first = line.getFirst(), last = line.getLast();
        double dx = last.x() - first.x(), dy = last.y() - first.y(), len = Math.hypot(dx, dy);
        // Left of the direction of travel on screen (y down) is the normal (dy, -dx).
        double nx = dy / len * far * 2, ny = -dx / len * far * 2;
        var path = new Path2D.Double(Path2D.WIND_NON_ZERO);
        path.moveTo(first.x(), first.y());
        for (int i = 1; i < line.size(); i++) path.lineTo(line.get(i).x(), line.get(i).y());
        path.lineTo(last.x() + nx, last.y() + ny);
        path.lineTo(first.x() + nx, first.y() + ny);
        path.closePath();
        return path;
    }

    private static Split splitMask(Mask m, Polyline cut) {
        int w = m.width(), h = m.height();
        boolean[] pixels = m.decode();
        boolean[] left = new boolean[pixels.length], right = new boolean[pixels.length];
        List<Point> line = extend(cut.points(), 4.0 * (w + h));
        boolean anyLeft = false, anyRight = false;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (!pixels[i]) continue;
                if (side(line, x + 0.5, y + 0.5) < 0) {
                    left[i] = true;
                    anyLeft = true;
                } else {
                    right[i] = true;
                    anyRight = true;
                }
            }
        }
        if (!anyLeft || !anyRight) {
            throw new IllegalArgumentException("the line does not cut the mask in two; draw it across the shape");
        }
        return new Split(Mask.encode(w, h, left), Mask.encode(w, h, right));
    }

    /** Which side of the polyline (x, y) is on: the sign of the cross product with its nearest segment; negative = left on screen. */
    static double side(List<Point> line, double x, double y) {
        double best = Double.POSITIVE_INFINITY, sign = 0;
        for (int i = 0; i + 1 < line.size(); i++) {
            Point a = line.get(i), b = line.get(i + 1);
            double d = Shapes.distanceToSegment(a, b, x, y);
            if (d < best) {
                best = d;
                sign = (b.x() - a.x()) * (y - a.y()) - (b.y() - a.y()) * (x - a.x());
            }
        }
        return sign;
    }

    /**
     * One shape covering both: outlines are joined (union) into a polygon; two masks are OR-ed. If
     * the outlines do not touch, the union has two parts and the result is the convex hull of both
     * (two pieces of one chromosome a gap apart are still one chromosome).
     */
    public static Shape merge(Shape a, Shape b) {
        if (a instanceof Mask ma && b instanceof Mask mb) {
            if (ma.width() != mb.width() || ma.height() != mb.height()) throw new IllegalArgumentException("masks of different sizes");
            boolean[] pa = ma.decode(), pb = mb.decode();
            for (int i = 0; i < pa.length; i++) pa[i] |= pb[i];
            return Mask.encode(ma.width(), ma.height(), pa);
        }
        if (a instanceof Mask || b instanceof Mask) throw new IllegalArgumentException("cannot merge a mask with an outline");
        Area union = new Area(Shapes.path(Shapes.toPolygon(a)));
        union.add(new Area(Shapes.path(Shapes.toPolygon(b))));
        List<Polygon> pieces = polygons(union);
        if (pieces.size() == 1) return pieces.getFirst();
        var all = new ArrayList<Point>(Shapes.toPolygon(a).exterior());
        all.addAll(Shapes.toPolygon(b).exterior());
        return new Polygon(convexHull(all));
    }

    /** The outer rings of an area, largest first, each with the holes inside it. */
    public static List<Polygon> polygons(Area area) {
        var rings = new ArrayList<List<Point>>();
        var current = new ArrayList<Point>();
        double[] c = new double[6];
        for (PathIterator it = area.getPathIterator(null, 0.25); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    if (current.size() >= 3) rings.add(current);
                    current = new ArrayList<>();
                    current.add(new Point(c[0], c[1]));
                }
                case PathIterator.SEG_LINETO -> {
                    Point p = new Point(c[0], c[1]);
                    if (!p.equals(current.getLast())) current.add(p);
                }
                case PathIterator.SEG_CLOSE -> {
                    if (current.size() > 1 && current.getFirst().equals(current.getLast())) current.removeLast();
                    if (current.size() >= 3) rings.add(current);
                    current = new ArrayList<>();
                }
                default -> throw new IllegalStateException("a flattened path has only lines");
            }
        }
        if (current.size() >= 3) rings.add(current);
        rings.removeIf(r -> Math.abs(Geometry.signedArea(r)) < MIN_PIECE_AREA);
        if (rings.isEmpty()) return List.of();
        // Area writes outer rings in one orientation and holes in the other: the largest ring is outer.
        rings.sort(Comparator.comparingDouble((List<Point> r) -> Math.abs(Geometry.signedArea(r))).reversed());
        double outerSign = Math.signum(Geometry.signedArea(rings.getFirst()));
        var outers = rings.stream().filter(r -> Math.signum(Geometry.signedArea(r)) == outerSign).toList();
        var holes = rings.stream().filter(r -> Math.signum(Geometry.signedArea(r)) != outerSign).toList();
        var out = new ArrayList<Polygon>();
        for (List<Point> outer : outers) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(outer.getFirst().x(), outer.getFirst().y());
            outer.forEach(p -> path.lineTo(p.x(), p.y()));
            path.closePath();
            out.add(new Polygon(outer, holes.stream().filter(h -> path.contains(h.getFirst().x(), h.getFirst().y())).toList()));
        }
        return out;
    }

    /** Andrew's monotone chain. */
    static List<Point> convexHull(List<Point> points) {
        var pts = new ArrayList<>(points.stream().distinct().toList());
        pts.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
        if (pts.size() < 3) return pts;
        var hull = new ArrayList<Point>();
        for (int pass = 0; pass < 2; pass++) {
            int start = hull.size();
            for (Point p : pts) {
                while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.getLast(), p) <= 0) hull.removeLast();
                hull.add(p);
            }
            hull.removeLast();
            pts = new ArrayList<>(pts.reversed());
        }
        return hull;
    }

    private static double cross(Point o, Point a, Point b) {
        return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
    }
}
