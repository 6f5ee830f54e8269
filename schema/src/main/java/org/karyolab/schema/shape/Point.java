package org.karyolab.schema.shape;

/** A position in pixel coordinates of the full-resolution image: x to the right, y down, origin at the top-left corner. */
public record Point(double x, double y) {

    /** Both coordinates are real numbers (not NaN or infinite). Not named isFinite so JSON does not see a property. */
    public boolean finite() {
        return Double.isFinite(x) && Double.isFinite(y);
    }
}
