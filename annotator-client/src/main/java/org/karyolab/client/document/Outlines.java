package org.karyolab.client.document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.shape.Geometry;
import org.karyolab.schema.shape.Point;

/**
 * Thinning of traced outlines (a freehand polygon samples a point per mouse event): Ramer-Douglas-Peucker.
 * Every dropped point lies within {@code tolerance} of the simplified outline; points of a straight run
 * collapse to its two ends, corners stay. Pure functions, image pixels.
 */
public final class Outlines {

    private Outlines() {
    }

    /**
     * The outline with the points that lie within {@code tolerance} of the kept ones' segments dropped.
     * An open path keeps its two ends. A closed ring (implicitly closed: a repeated first point at the end
     * is dropped) is split at two far-apart points, which are kept and on its convex hull, and the two arcs
     * are simplified as open paths; the result is again implicitly closed. Consecutive repeated points
     * are dropped first.
     */
    public static List<Point> simplify(List<Point> points, double tolerance, boolean closed) {
        if (!(tolerance >= 0)) throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
        List<Point> pts = withoutRepeats(points, closed);
        int n = pts.size();
        if (!closed) {
            if (n <= 2) return pts;
            boolean[] keep = new boolean[n];
            keep(pts, 0, n - 1, tolerance, keep);
            return kept(pts, keep, n);
        }
        if (n <= 3) return pts;
        // Two anchors: the point farthest from the first, then the point farthest from that one.
        int a = farthest(pts, 0);
        int b = farthest(pts, a);
        if (a == b) return List.of(pts.get(a));
        // The ring rotated to start at a, with a repeated at the end: arcs a..b and b..a are open paths.
        var ring = new ArrayList<Point>(n + 1);
        for (int i = 0; i <= n; i++) ring.add(pts.get((a + i) % n));
        int split = Math.floorMod(b - a, n);
        boolean[] keep = new boolean[n + 1];
        keep(ring, 0, split, tolerance, keep);
        keep(ring, split, n, tolerance, keep);
        return kept(ring, keep, n); // the repeated a at index n is left off
    }

    /** Absolute area of an implicitly closed ring (shoelace), in square pixels. */
    public static double area(List<Point> ring) {
        return Math.abs(Geometry.signedArea(ring));
    }

    /** The greatest distance from any of {@code points} to the path (or ring) through {@code outline}. */
    public static double maxDistance(List<Point> points, List<Point> outline, boolean closed) {
        double worst = 0;
        for (Point p : points) worst = Math.max(worst, distance(outline, closed, p));
        return worst;
    }

    /** Distance from {@code p} to the nearest segment of the path (or ring) through {@code outline}. */
    public static double distance(List<Point> outline, boolean closed, Point p) {
        int n = outline.size();
        if (n == 1) return Math.hypot(outline.getFirst().x() - p.x(), outline.getFirst().y() - p.y());
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < (closed ? n : n - 1); i++) {
            best = Math.min(best, Shapes.distanceToSegment(outline.get(i), outline.get((i + 1) % n), p.x(), p.y()));
        }
        return best;
    }

    // Iterative (a long trace must not run out of stack): marks the ends and every point RDP keeps between them.
    private static void keep(List<Point> pts, int from, int to, double tolerance, boolean[] keep) {
        keep[from] = true;
        keep[to] = true;
        var stack = new ArrayDeque<int[]>();
        stack.push(new int[] {from, to});
        while (!stack.isEmpty()) {
            int[] span = stack.pop();
            int first = span[0], last = span[1];
            if (last - first < 2) continue;
            Point a = pts.get(first), b = pts.get(last);
            int worst = -1;
            double worstDistance = tolerance;
            for (int i = first + 1; i < last; i++) {
                Point p = pts.get(i);
                double d = Shapes.distanceToSegment(a, b, p.x(), p.y());
                if (d > worstDistance) {
                    worst = i;
                    worstDistance = d;
                }
            }
            if (worst < 0) continue;
            keep[worst] = true;
            stack.push(new int[] {first, worst});
            stack.push(new int[] {worst, last});
        }
    }

    private static List<Point> kept(List<Point> pts, boolean[] keep, int count) {
        var out = new ArrayList<Point>();
        for (int i = 0; i < count; i++) if (keep[i]) out.add(pts.get(i));
        return List.copyOf(out);
    }

    private static int farthest(List<Point> pts, int from) {
        Point o = pts.get(from);
        int best = from;
        double bestDistance = -1;
        for (int i = 0; i < pts.size(); i++) {
            double d = Math.hypot(pts.get(i).x() - o.x(), pts.get(i).y() - o.y());
            if (d > bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    private static List<Point> withoutRepeats(List<Point> points, boolean closed) {
        var out = new ArrayList<Point>(points.size());
        for (Point p : points) {
            if (p == null) throw new IllegalArgumentException("null point");
            if (out.isEmpty() || !out.getLast().equals(p)) out.add(p);
        }
        if (closed) while (out.size() > 1 && out.getLast().equals(out.getFirst())) out.removeLast();
        return out;
    }
}
