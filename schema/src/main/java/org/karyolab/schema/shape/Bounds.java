package org.karyolab.schema.shape;

import java.util.Collection;

/**
 * An axis-aligned rectangle in image pixels, edges included: a shape's bounding box ({@link Shape#bounds()}),
 * and what spatial indexes and viewport queries speak. Never empty or NaN; a point's bounds have zero size.
 */
public record Bounds(double minX, double minY, double maxX, double maxY) {

    public Bounds {
        if (!(minX <= maxX) || !(minY <= maxY)) {
            throw new IllegalArgumentException("empty or NaN bounds: " + minX + "," + minY + " .. " + maxX + "," + maxY);
        }
    }

    /** From a top-left corner and a size (the way a viewport is usually given). */
    public static Bounds ofRect(double x, double y, double width, double height) {
        return new Bounds(x, y, x + width, y + height);
    }

    /** The smallest bounds holding every point; (0, 0, 0, 0) for none (an empty shape has nothing to hit). */
    public static Bounds of(Collection<Point> points) {
        if (points.isEmpty()) return new Bounds(0, 0, 0, 0);
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return new Bounds(minX, minY, maxX, maxY);
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }

    public double area() {
        return width() * height();
    }

    public double centerX() {
        return (minX + maxX) / 2;
    }

    public double centerY() {
        return (minY + maxY) / 2;
    }

    public boolean intersects(Bounds o) {
        return minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY;
    }

    public boolean contains(double x, double y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }

    public boolean contains(Bounds o) {
        return o.minX >= minX && o.maxX <= maxX && o.minY >= minY && o.maxY <= maxY;
    }

    public Bounds union(Bounds o) {
        return new Bounds(Math.min(minX, o.minX), Math.min(minY, o.minY), Math.max(maxX, o.maxX), Math.max(maxY, o.maxY));
    }

    /** Grown by {@code margin} on every side (hit tolerance, handle size). */
    public Bounds expand(double margin) {
        return new Bounds(minX - margin, minY - margin, maxX + margin, maxY + margin);
    }

    /** Area of the overlap with {@code o}; 0 when they only touch or are apart. */
    public double intersectionArea(Bounds o) {
        return Math.max(0, Math.min(maxX, o.maxX) - Math.max(minX, o.minX))
                * Math.max(0, Math.min(maxY, o.maxY) - Math.max(minY, o.minY));
    }

    /**
     * Intersection over union of the two rectangles, in [0, 1]: 1 for equal bounds (also zero-sized ones: a point
     * is itself), 0 when nothing overlaps or both have no area.
     */
    public double iou(Bounds o) {
        if (equals(o)) return 1;
        double inter = intersectionArea(o);
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : Math.clamp(inter / union, 0, 1);
    }
}
