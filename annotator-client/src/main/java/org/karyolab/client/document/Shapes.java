package org.karyolab.client.document;

import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.karyolab.schema.shape.Bounds;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Keypoints;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.Point;
import org.karyolab.schema.shape.Polygon;
import org.karyolab.schema.shape.Polyline;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

/**
 * The shape maths a viewer needs beyond the shapes' own geometry (bounds, area, translate: on
 * {@link Shape}), per shape kind: hit tests, turning, scaling, vertex edits, and the handles of a
 * selected shape with what dragging one does. All in image pixels; pure functions on the schema's
 * immutable shapes.
 */
public final class Shapes {

    /** How far above a box's top edge its rotate grip sits, in pixels, unless the caller says otherwise. */
    public static final double ROTATE_HANDLE_OFFSET = 20;
    /** Smallest box edge a resize leaves (the schema wants positive sizes). */
    public static final double MIN_SIZE = 1;

    private Shapes() {
    }

    // --- hit testing ----------------------------------------------------------------------------

    /**
     * Whether (x, y) hits the shape: inside an area shape, or within {@code tolerance} pixels of a
     * line, a key point or an area's outline (so thin shapes can be picked).
     */
    public static boolean hits(Shape shape, double x, double y, double tolerance) {
        return switch (shape) {
            case Box b -> b.bounds().expand(tolerance).contains(x, y);
            case RotatedBox r -> {
                double[] local = toLocal(r, x, y);
                yield Math.abs(local[0]) <= r.width() / 2 + tolerance && Math.abs(local[1]) <= r.height() / 2 + tolerance;
            }
            case Polygon p -> path(p).contains(x, y) || nearRing(p.exterior(), x, y, tolerance);
            case Polyline l -> nearPath(l.points(), false, x, y, tolerance);
            case Keypoints k -> k.points().values().stream().anyMatch(p -> Math.hypot(p.x() - x, p.y() - y) <= tolerance);
            case Mask m -> maskAt(m, (int) Math.floor(x), (int) Math.floor(y));
        };
    }

    /** The mask's pixel (x, y), found by walking the runs (no full decode). */
    public static boolean maskAt(Mask m, int x, int y) {
        if (x < 0 || y < 0 || x >= m.width() || y >= m.height()) return false;
        long target = (long) x * m.height() + y;
        long index = 0;
        List<Integer> counts = m.counts();
        for (int i = 0; i < counts.size(); i++) {
            index += counts.get(i);
            if (target < index) return i % 2 == 1;
        }
        return false;
    }

    /** The polygon as a Java2D path (even-odd, so holes are holes). */
    public static Path2D.Double path(Polygon p) {
        var path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        ring(path, p.exterior());
        p.holes().forEach(h -> ring(path, h));
        return path;
    }

    private static void ring(Path2D.Double path, List<Point> ring) {
        path.moveTo(ring.getFirst().x(), ring.getFirst().y());
        for (int i = 1; i < ring.size(); i++) path.lineTo(ring.get(i).x(), ring.get(i).y());
        path.closePath();
    }

    private static boolean nearRing(List<Point> ring, double x, double y, double tolerance) {
        return nearPath(ring, true, x, y, tolerance);
    }

    private static boolean nearPath(List<Point> pts, boolean closed, double x, double y, double tolerance) {
        int n = pts.size();
        for (int i = 0; i < (closed ? n : n - 1); i++) {
            if (distanceToSegment(pts.get(i), pts.get((i + 1) % n), x, y) <= tolerance) return true;
        }
        return false;
    }

    public static double distanceToSegment(Point a, Point b, double x, double y) {
        double dx = b.x() - a.x(), dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.clamp(((x - a.x()) * dx + (y - a.y()) * dy) / len2, 0, 1);
        return Math.hypot(a.x() + t * dx - x, a.y() + t * dy - y);
    }

    /** (x, y) in the rotated box's own frame: origin at its centre, axes along its edges. */
    private static double[] toLocal(RotatedBox r, double x, double y) {
        double rad = Math.toRadians(r.angleDegrees());
        double cos = Math.cos(rad), sin = Math.sin(rad);
        double dx = x - r.cx(), dy = y - r.cy();
        return new double[] {dx * cos + dy * sin, -dx * sin + dy * cos};
    }

    private static Point fromLocal(RotatedBox r, double lx, double ly) {
        double rad = Math.toRadians(r.angleDegrees());
        double cos = Math.cos(rad), sin = Math.sin(rad);
        return new Point(r.cx() + lx * cos - ly * sin, r.cy() + lx * sin + ly * cos);
    }

    // --- turning ---------------------------------------------------------------------

    private static Map<String, Point> mapPoints(Map<String, Point> pts, java.util.function.UnaryOperator<Point> f) {
        var out = new LinkedHashMap<String, Point>();
        pts.forEach((k, v) -> out.put(k, f.apply(v)));
        return out;
    }

    /**
     * Turns the shape by {@code degrees} (clockwise on screen) about its bounding box centre. A box
     * becomes a rotated box (an axis-aligned box cannot be turned); a mask is resampled (nearest pixel).
     */
    public static Shape rotate(Shape shape, double degrees) {
        Bounds b = shape.bounds();
        return rotate(shape, degrees, b.centerX(), b.centerY());
    }

    public static Shape rotate(Shape shape, double degrees, double cx, double cy) {
        double rad = Math.toRadians(degrees), cos = Math.cos(rad), sin = Math.sin(rad);
        java.util.function.UnaryOperator<Point> turn = p -> new Point(cx + (p.x() - cx) * cos - (p.y() - cy) * sin,
                cy + (p.x() - cx) * sin + (p.y() - cy) * cos);
        return switch (shape) {
            case Box b -> {
                Point c = turn.apply(new Point(b.x() + b.width() / 2, b.y() + b.height() / 2));
                yield new RotatedBox(c.x(), c.y(), b.width(), b.height(), normalizeAngle(degrees));
            }
            case RotatedBox r -> {
                Point c = turn.apply(new Point(r.cx(), r.cy()));
                yield new RotatedBox(c.x(), c.y(), r.width(), r.height(), normalizeAngle(r.angleDegrees() + degrees));
            }
            case Polygon p -> new Polygon(p.exterior().stream().map(turn).toList(),
                    p.holes().stream().map(h -> h.stream().map(turn).toList()).toList());
            case Polyline l -> new Polyline(l.points().stream().map(turn).toList());
            case Keypoints k -> new Keypoints(mapPoints(k.points(), turn));
            case Mask m -> rotateMask(m, -rad, cx, cy);
        };
    }

    /** Inverse mapping: each output pixel centre looks up where it came from. */
    private static Mask rotateMask(Mask m, double inverseRad, double cx, double cy) {
        int w = m.width(), h = m.height();
        boolean[] in = m.decode(), out = new boolean[in.length];
        double cos = Math.cos(inverseRad), sin = Math.sin(inverseRad);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double px = x + 0.5 - cx, py = y + 0.5 - cy;
                int sx = (int) Math.floor(cx + px * cos - py * sin), sy = (int) Math.floor(cy + px * sin + py * cos);
                if (sx >= 0 && sy >= 0 && sx < w && sy < h) out[y * w + x] = in[sy * w + sx];
            }
        }
        return Mask.encode(w, h, out);
    }

    static double normalizeAngle(double degrees) {
        double a = degrees % 360;
        if (a > 180) a -= 360;
        if (a <= -180) a += 360;
        return a;
    }

    // --- handles --------------------------------------------------------------------------------

    public static List<Handle> handles(Shape shape) {
        return handles(shape, ROTATE_HANDLE_OFFSET);
    }

    /**
     * The grips of a selected shape. Boxes and rotated boxes: 8 resize grips and a rotate grip
     * {@code rotateOffset} pixels beyond the top edge; polygons (exterior) and polylines: one per
     * vertex; key points: one per landmark; masks: none (move them, or edit with a brush).
     */
    public static List<Handle> handles(Shape shape, double rotateOffset) {
        return switch (shape) {
            case Box b -> boxHandles(asRotated(b), rotateOffset);
            case RotatedBox r -> boxHandles(r, rotateOffset);
            case Polygon p -> vertexHandles(p.exterior());
            case Polyline l -> vertexHandles(l.points());
            case Keypoints k -> k.points().entrySet().stream()
                    .map(e -> new Handle(Handle.Kind.KEYPOINT, -1, e.getKey(), e.getValue())).toList();
            case Mask m -> List.of();
        };
    }

    private static List<Handle> vertexHandles(List<Point> pts) {
        var out = new ArrayList<Handle>();
        for (int i = 0; i < pts.size(); i++) out.add(new Handle(Handle.Kind.VERTEX, i, null, pts.get(i)));
        return out;
    }

    private static RotatedBox asRotated(Box b) {
        return new RotatedBox(b.x() + b.width() / 2, b.y() + b.height() / 2, b.width(), b.height(), 0);
    }

    private static List<Handle> boxHandles(RotatedBox r, double rotateOffset) {
        double w = r.width() / 2, h = r.height() / 2;
        return List.of(
                Handle.of(Handle.Kind.N, fromLocal(r, 0, -h)), Handle.of(Handle.Kind.NE, fromLocal(r, w, -h)),
                Handle.of(Handle.Kind.E, fromLocal(r, w, 0)), Handle.of(Handle.Kind.SE, fromLocal(r, w, h)),
                Handle.of(Handle.Kind.S, fromLocal(r, 0, h)), Handle.of(Handle.Kind.SW, fromLocal(r, -w, h)),
                Handle.of(Handle.Kind.W, fromLocal(r, -w, 0)), Handle.of(Handle.Kind.NW, fromLocal(r, -w, -h)),
                Handle.of(Handle.Kind.ROTATE, fromLocal(r, 0, -h - rotateOffset)));
    }

    /** The nearest handle within {@code tolerance} of (x, y), or null. */
    public static Handle handleAt(Shape shape, double x, double y, double tolerance) {
        Handle best = null;
        double bestDistance = tolerance;
        for (Handle h : handles(shape)) {
            double d = Math.hypot(h.at().x() - x, h.at().y() - y);
            if (d <= bestDistance) {
                best = h;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * The shape after dragging {@code handle} to {@code to}. Resizing a box moves only the dragged
     * edges (the opposite ones stay put, also for a rotated box); dragging past the opposite edge
     * flips the box rather than making it negative. Rotating a box makes it a rotated box.
     */
    public static Shape dragHandle(Shape shape, Handle handle, Point to) {
        return switch (shape) {
            case Box b -> {
                RotatedBox moved = dragBox(asRotated(b), handle, to);
                yield handle.kind() == Handle.Kind.ROTATE ? moved
                        : new Box(moved.cx() - moved.width() / 2, moved.cy() - moved.height() / 2, moved.width(), moved.height());
            }
            case RotatedBox r -> dragBox(r, handle, to);
            case Polygon p -> {
                requireKind(handle, Handle.Kind.VERTEX);
                yield new Polygon(replaced(p.exterior(), handle.index(), to), p.holes());
            }
            case Polyline l -> {
                requireKind(handle, Handle.Kind.VERTEX);
                yield new Polyline(replaced(l.points(), handle.index(), to));
            }
            case Keypoints k -> {
                requireKind(handle, Handle.Kind.KEYPOINT);
                var pts = new LinkedHashMap<>(k.points());
                if (!pts.containsKey(handle.name())) throw new IllegalArgumentException("no key point " + handle.name());
                pts.put(handle.name(), to);
                yield new Keypoints(pts);
            }
            case Mask m -> throw new IllegalArgumentException("a mask has no handles");
        };
    }

    private static void requireKind(Handle handle, Handle.Kind kind) {
        if (handle.kind() != kind) throw new IllegalArgumentException("this shape has no " + handle.kind() + " handle");
    }

    private static List<Point> replaced(List<Point> pts, int index, Point to) {
        var out = new ArrayList<>(pts);
        out.set(index, to);
        return out;
    }

    private static RotatedBox dragBox(RotatedBox r, Handle handle, Point to) {
        if (handle.kind() == Handle.Kind.ROTATE) {
            // The grip sits straight "up" from the centre in the box's frame: the new angle points it at the cursor.
            double angle = Math.toDegrees(Math.atan2(to.y() - r.cy(), to.x() - r.cx())) + 90;
            return new RotatedBox(r.cx(), r.cy(), r.width(), r.height(), normalizeAngle(angle));
        }
        double[] p = toLocal(r, to.x(), to.y());
        double left = -r.width() / 2, right = r.width() / 2, top = -r.height() / 2, bottom = r.height() / 2;
        switch (handle.kind()) {
            case N -> top = p[1];
            case S -> bottom = p[1];
            case E -> right = p[0];
            case W -> left = p[0];
            case NE -> { top = p[1]; right = p[0]; }
            case NW -> { top = p[1]; left = p[0]; }
            case SE -> { bottom = p[1]; right = p[0]; }
            case SW -> { bottom = p[1]; left = p[0]; }
            default -> throw new IllegalArgumentException("a box has no " + handle.kind() + " handle");
        }
        double minX = Math.min(left, right), maxX = Math.max(left, right);
        double minY = Math.min(top, bottom), maxY = Math.max(top, bottom);
        double w = Math.max(MIN_SIZE, maxX - minX), h = Math.max(MIN_SIZE, maxY - minY);
        Point c = fromLocal(r, (minX + maxX) / 2, (minY + maxY) / 2);
        return new RotatedBox(c.x(), c.y(), w, h, r.angleDegrees());
    }

    /** Scales the shape about its bounding box's top-left corner (a resize for shapes without box handles). */
    public static Shape scale(Shape shape, double sx, double sy) {
        Bounds b = shape.bounds();
        java.util.function.UnaryOperator<Point> f = p -> new Point(b.minX() + (p.x() - b.minX()) * sx, b.minY() + (p.y() - b.minY()) * sy);
        return switch (shape) {
            case Box x -> new Box(x.x(), x.y(), x.width() * sx, x.height() * sy);
            case RotatedBox r -> {
                Point c = f.apply(new Point(r.cx(), r.cy()));
                yield new RotatedBox(c.x(), c.y(), r.width() * sx, r.height() * sy, r.angleDegrees());
            }
            case Polygon p -> new Polygon(p.exterior().stream().map(f).toList(), p.holes().stream().map(h -> h.stream().map(f).toList()).toList());
            case Polyline l -> new Polyline(l.points().stream().map(f).toList());
            case Keypoints k -> new Keypoints(mapPoints(k.points(), f));
            case Mask m -> throw new IllegalArgumentException("scaling a mask is not supported; redraw it");
        };
    }

    // --- vertex editing (polygons and polylines) ------------------------------------------------

    /** Inserts {@code p} after vertex {@code index} of a polygon's exterior or a polyline. */
    public static Shape insertVertex(Shape shape, int index, Point p) {
        return switch (shape) {
            case Polygon g -> {
                var pts = new ArrayList<>(g.exterior());
                pts.add(index + 1, p);
                yield new Polygon(pts, g.holes());
            }
            case Polyline l -> {
                var pts = new ArrayList<>(l.points());
                pts.add(index + 1, p);
                yield new Polyline(pts);
            }
            default -> throw new IllegalArgumentException("only polygons and polylines have vertices");
        };
    }

    /** Removes vertex {@code index}; refuses to go below 3 (polygon) or 2 (polyline) points. */
    public static Shape deleteVertex(Shape shape, int index) {
        return switch (shape) {
            case Polygon g -> {
                if (g.exterior().size() <= 3) throw new IllegalArgumentException("a polygon needs at least 3 points");
                var pts = new ArrayList<>(g.exterior());
                pts.remove(index);
                yield new Polygon(pts, g.holes());
            }
            case Polyline l -> {
                if (l.points().size() <= 2) throw new IllegalArgumentException("a polyline needs at least 2 points");
                var pts = new ArrayList<>(l.points());
                pts.remove(index);
                yield new Polyline(pts);
            }
            default -> throw new IllegalArgumentException("only polygons and polylines have vertices");
        };
    }

    /** The outline of an area shape as a polygon (box and rotated box: their 4 corners). */
    public static Polygon toPolygon(Shape shape) {
        return switch (shape) {
            case Box b -> new Polygon(b.corners());
            case RotatedBox r -> new Polygon(r.corners());
            case Polygon p -> p;
            default -> throw new IllegalArgumentException(shape.getClass().getSimpleName().toLowerCase()
                    + " is not an area outline (box, rotated box or polygon)");
        };
    }
}
