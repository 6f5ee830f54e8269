package org.karyolab.schema.shape;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.Validation;
import org.karyolab.schema.Violation;

/**
 * Instance outline: an exterior ring and optional holes, each an implicitly closed list of points
 * (do not repeat the first point). Overlap pixels may belong to two chromosomes' polygons.
 */
public record Polygon(List<Point> exterior, List<List<Point>> holes) implements Shape {

    public Polygon {
        exterior = exterior == null ? null : Validation.immutableList(exterior);
        holes = holes == null ? List.of()
                : Validation.immutableList(holes.stream().map(h -> h == null ? null : Validation.immutableList(h)).toList());
    }

    /** Polygon without holes. */
    public Polygon(List<Point> exterior) {
        this(exterior, List.of());
    }

    @Override
    public Bounds bounds() {
        return Bounds.of(exterior);
    }

    /** Area of the exterior minus the holes, in square pixels. */
    @Override
    public double area() {
        double area = Math.abs(Geometry.signedArea(exterior));
        for (List<Point> hole : holes) {
            area -= Math.abs(Geometry.signedArea(hole));
        }
        return area;
    }

    @Override
    public Polygon translate(double dx, double dy) {
        return new Polygon(Point.shift(exterior, dx, dy), holes.stream().map(h -> Point.shift(h, dx, dy)).toList());
    }

    /** The checks behind {@link Shape#validate()} and {@link Shape#validate(int, int)}. */
    List<Violation> check(Geometry g, List<Violation> out) {
        if (Validation.required(out, "/exterior", "exterior", exterior)) {
            g.ring(out, "/exterior", "polygon", exterior);
        }
        for (int i = 0; i < holes.size(); i++) {
            if (Validation.required(out, "/holes/" + i, "hole", holes.get(i))) {
                g.ring(out, "/holes/" + i, "hole", holes.get(i));
            }
        }
        return List.copyOf(out);
    }
}
