package org.karyolab.schema.shape;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.Validation;
import org.karyolab.schema.Violation;

/** Open line through the points, e.g. a chromosome's medial axis (used to straighten it and to place bands). */
public record Polyline(List<Point> points) implements Shape {

    public Polyline {
        points = points == null ? null : Validation.immutableList(points);
    }

    @Override
    public Bounds bounds() {
        return Bounds.of(points);
    }

    /** A line has no area. */
    @Override
    public double area() {
        return 0;
    }

    @Override
    public Polyline translate(double dx, double dy) {
        return new Polyline(Point.shift(points, dx, dy));
    }

    /** Sum of the segment lengths, in pixels. */
    public double length() {
        double length = 0;
        for (int i = 1; i < points.size(); i++) {
            length += Math.hypot(points.get(i).x() - points.get(i - 1).x(), points.get(i).y() - points.get(i - 1).y());
        }
        return length;
    }

    /** The checks behind {@link Shape#validate()} and {@link Shape#validate(int, int)}. */
    List<Violation> check(Geometry g, List<Violation> out) {
        if (!Validation.required(out, "/points", "points", points)) {
            return List.copyOf(out);
        }
        for (int i = 0; i < points.size(); i++) {
            g.point(out, "/points/" + i, points.get(i));
        }
        if (points.size() < 2) {
            out.add(new Violation("/points", "polyline needs at least 2 points (has " + points.size() + ")"));
        } else if (points.stream().allMatch(p -> p != null && p.finite()) && points.stream().distinct().count() < 2) {
            out.add(new Violation("/points", "polyline has zero length (all points coincide)"));
        }
        return List.copyOf(out);
    }
}
