package org.karyolab.client.document;

/** An axis-aligned rectangle in image pixels, edges included; what the spatial index and viewport queries speak. */
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

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
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
}
