package org.karyolab.schema.shape;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.Violation;

/** Axis-aligned box: top-left corner (x, y) and its size, in pixels. The counting task's annotation. */
public record Box(double x, double y, double width, double height) implements Shape {

    /** The four corners, clockwise on screen from the top-left one (as {@link RotatedBox#corners()}). */
    public List<Point> corners() {
        return List.of(new Point(x, y), new Point(x + width, y), new Point(x + width, y + height), new Point(x, y + height));
    }

    @Override
    public Bounds bounds() {
        return new Bounds(x, y, x + width, y + height);
    }

    @Override
    public double area() {
        return width * height;
    }

    @Override
    public Box translate(double dx, double dy) {
        return new Box(x + dx, y + dy, width, height);
    }

    /** The checks behind {@link Shape#validate()} and {@link Shape#validate(int, int)}. */
    List<Violation> check(Geometry g, List<Violation> out) {
        boolean xOk = Geometry.finite(out, "/x", "x", x);
        boolean yOk = Geometry.finite(out, "/y", "y", y);
        boolean wOk = Geometry.finite(out, "/width", "width", width);
        boolean hOk = Geometry.finite(out, "/height", "height", height);
        Geometry.positive(out, "/width", "width", width);
        Geometry.positive(out, "/height", "height", height);
        if (xOk) {
            g.insideX(out, "/x", "x", x);
        }
        if (yOk) {
            g.insideY(out, "/y", "y", y);
        }
        // The far edges are reported on width/height: that is the number to fix.
        if (xOk && wOk && width > 0 && g.bounded() && x + width > g.imageWidth() + Geometry.TOLERANCE) {
            out.add(new Violation("/width", "right edge x + width = " + (x + width) + " is beyond the image width "
                    + g.imageWidth() + " (1 px tolerance)"));
        }
        if (yOk && hOk && height > 0 && g.bounded() && y + height > g.imageHeight() + Geometry.TOLERANCE) {
            out.add(new Violation("/height", "bottom edge y + height = " + (y + height)
                    + " is beyond the image height " + g.imageHeight() + " (1 px tolerance)"));
        }
        return List.copyOf(out);
    }
}
