package org.karyolab.schema.shape;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.Violation;

/**
 * Box of the given size centred on (cx, cy), turned by {@code angleDegrees} clockwise on screen
 * (y points down). Fits bent, tilted chromosomes much tighter than an axis-aligned box.
 */
public record RotatedBox(double cx, double cy, double width, double height, double angleDegrees) implements Shape {

    /** The largest angle taken, either way: one whole turn. */
    public static final int MAX_TURN = 360;

    @Override
    public Bounds bounds() {
        return Bounds.of(corners());
    }

    @Override
    public double area() {
        return width * height;
    }

    @Override
    public RotatedBox translate(double dx, double dy) {
        return new RotatedBox(cx + dx, cy + dy, width, height, angleDegrees);
    }

    /** The four corners, starting at the one that is top-left before rotation, going clockwise on screen. */
    public List<Point> corners() {
        double rad = Math.toRadians(angleDegrees);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        double[][] local = {{-width / 2, -height / 2}, {width / 2, -height / 2}, {width / 2, height / 2}, {-width / 2, height / 2}};
        var corners = new ArrayList<Point>(4);
        for (double[] c : local) {
            corners.add(new Point(cx + c[0] * cos - c[1] * sin, cy + c[0] * sin + c[1] * cos));
        }
        return List.copyOf(corners);
    }

    /** The checks behind {@link Shape#validate()} and {@link Shape#validate(int, int)}. */
    List<Violation> check(Geometry g, List<Violation> out) {
        boolean ok = Geometry.finite(out, "/cx", "cx", cx);
        ok &= Geometry.finite(out, "/cy", "cy", cy);
        ok &= Geometry.finite(out, "/width", "width", width);
        ok &= Geometry.finite(out, "/height", "height", height);
        ok &= Geometry.finite(out, "/angleDegrees", "angleDegrees", angleDegrees);
        if (Double.isFinite(angleDegrees) && Math.abs(angleDegrees) > MAX_TURN) {
            // Not normalised here: a stored shape is exactly the one sent, so a retry is recognised as the same.
            out.add(new Violation("/angleDegrees", "angleDegrees must be within -" + MAX_TURN + ".." + MAX_TURN
                    + " (was " + angleDegrees + "); send it modulo 360"));
            ok = false;
        }
        Geometry.positive(out, "/width", "width", width);
        Geometry.positive(out, "/height", "height", height);
        if (ok && width > 0 && height > 0 && g.bounded()) {
            List<Point> outside = corners().stream().filter(p -> !g.inside(p.x(), p.y())).toList();
            if (!outside.isEmpty()) {
                out.add(new Violation("", "rotated box has " + outside.size() + " corner(s) outside the "
                        + g.imageWidth() + " x " + g.imageHeight() + " image (1 px tolerance), e.g. ("
                        + outside.getFirst().x() + ", " + outside.getFirst().y() + ")"));
            }
        }
        return List.copyOf(out);
    }
}
