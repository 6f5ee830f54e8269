package org.karyolab.client.ui.band;

import java.util.List;
import org.karyolab.schema.shape.Point;

/**
 * Straightens a bent chromosome along its medial axis (plain Java, no JavaFX): for each step of arc
 * length along the axis polyline, the image is sampled (bilinearly) on a line perpendicular to the
 * axis, {@code halfWidth} pixels to each side. Row {@code r} of the result is the axis at arc length
 * {@code r * step} from the polyline's first point (so band-call fractions, which are measured from
 * that point, map to rows directly); column {@code c} is the offset {@code (c - centre) * step} along
 * the axis' right-hand normal (for an axis drawn downwards, column 0 is the image's left side).
 *
 * <p>The normal at each row is taken from the axis direction over a short window around it (central
 * difference in arc length), so it turns smoothly through the polyline's vertices instead of jumping.
 */
public final class Straightener {

    private Straightener() {
    }

    /** A grey level (0 = black, 255 = white) at a sub-pixel image position. */
    @FunctionalInterface
    public interface Sampler {
        double at(double x, double y);
    }

    /**
     * The straightened chromosome: {@code width} columns across, {@code length} rows along the axis,
     * grey levels row-major.
     */
    public record Result(int width, int length, float[] values, double axisLength, double step) {

        public float value(int column, int row) {
            return values[row * width + column];
        }

        /** The fraction of the axis (0 = first point, 1 = last) at the row's centre. */
        public double fractionAt(double row) {
            return length <= 1 ? 0 : Math.clamp(row / (length - 1), 0, 1);
        }

        /** Mean grey of one row over the central columns (half of the width), for band profiles. */
        public double rowMean(int row) {
            int from = width / 4, to = width - width / 4;
            double sum = 0;
            for (int c = from; c < to; c++) sum += value(c, row);
            return sum / Math.max(1, to - from);
        }
    }

    /**
     * Bilinear sampling of an 8-bit grey image of {@code width} x {@code height} (row-major); positions
     * are pixel coordinates (pixel {@code (i, j)} covers {@code [i, i+1) x [j, j+1)}, its value at its
     * centre). Outside the image: {@code outside}.
     */
    public static Sampler bilinear(int width, int height, int[] grey, double outside) {
        if (grey.length < width * height) throw new IllegalArgumentException("expected " + width * height + " pixels");
        return (x, y) -> {
            double fx = x - 0.5, fy = y - 0.5;
            if (fx < -0.5 || fy < -0.5 || fx > width - 0.5 || fy > height - 0.5) return outside;
            int x0 = (int) Math.floor(fx), y0 = (int) Math.floor(fy);
            double ax = fx - x0, ay = fy - y0;
            int xa = Math.clamp(x0, 0, width - 1), xb = Math.clamp(x0 + 1, 0, width - 1);
            int ya = Math.clamp(y0, 0, height - 1), yb = Math.clamp(y0 + 1, 0, height - 1);
            double top = grey[ya * width + xa] * (1 - ax) + grey[ya * width + xb] * ax;
            double bottom = grey[yb * width + xa] * (1 - ax) + grey[yb * width + xb] * ax;
            return top * (1 - ay) + bottom * ay;
        };
    }

    /** {@link #straighten(List, double, double, Sampler)} with a step of one pixel. */
    public static Result straighten(List<Point> axis, double halfWidth, Sampler image) {
        return straighten(axis, halfWidth, 1, image);
    }

    /**
     * @param axis      the medial axis, at least two distinct points
     * @param halfWidth how far to sample on each side of the axis, in pixels (> 0)
     * @param step      the sampling step along and across the axis, in pixels (> 0)
     */
    public static Result straighten(List<Point> axis, double halfWidth, double step, Sampler image) {
        if (!(halfWidth > 0) || !(step > 0)) throw new IllegalArgumentException("half-width and step must be > 0");
        Arc arc = new Arc(axis);
        if (arc.total <= 0) throw new IllegalArgumentException("the axis has no length");
        int rows = (int) Math.floor(arc.total / step) + 1;
        int half = (int) Math.ceil(halfWidth / step);
        int cols = 2 * half + 1;
        float[] out = new float[rows * cols];
        double window = Math.clamp(halfWidth / 2, step, Math.max(step, arc.total / 8));
        for (int r = 0; r < rows; r++) {
            double s = Math.min(r * step, arc.total);
            double[] p = arc.at(s);
            double[] a = arc.at(Math.max(0, s - window));
            double[] b = arc.at(Math.min(arc.total, s + window));
            double tx = b[0] - a[0], ty = b[1] - a[1];
            double n = Math.hypot(tx, ty);
            if (n == 0) {
                double[] d = arc.direction(s);
                tx = d[0];
                ty = d[1];
            } else {
                tx /= n;
                ty /= n;
            }
            double nx = ty, ny = -tx; // across the axis: for an axis drawn downwards (0, 1) this is (1, 0)
            for (int c = 0; c < cols; c++) {
                double off = (c - half) * step;
                out[r * cols + c] = (float) image.at(p[0] + nx * off, p[1] + ny * off);
            }
        }
        return new Result(cols, rows, out, arc.total, step);
    }

    /** Arc-length parametrisation of a polyline. */
    static final class Arc {
        final double[] xs;
        final double[] ys;
        final double[] cum;
        final double total;

        Arc(List<Point> points) {
            if (points == null || points.size() < 2) throw new IllegalArgumentException("the axis needs at least two points");
            int n = points.size();
            xs = new double[n];
            ys = new double[n];
            cum = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = points.get(i).x();
                ys[i] = points.get(i).y();
                if (i > 0) cum[i] = cum[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
            }
            total = cum[n - 1];
        }

        private int segment(double s) {
            int lo = 0, hi = cum.length - 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] <= s) lo = mid;
                else hi = mid;
            }
            // skip zero-length segments
            while (lo < cum.length - 2 && cum[lo + 1] - cum[lo] == 0) lo++;
            return lo;
        }

        double[] at(double s) {
            int i = segment(s);
            double len = cum[i + 1] - cum[i];
            double t = len == 0 ? 0 : Math.clamp((s - cum[i]) / len, 0, 1);
            return new double[] {xs[i] + (xs[i + 1] - xs[i]) * t, ys[i] + (ys[i + 1] - ys[i]) * t};
        }

        double[] direction(double s) {
            int i = segment(s);
            double dx = xs[i + 1] - xs[i], dy = ys[i + 1] - ys[i], n = Math.hypot(dx, dy);
            return n == 0 ? new double[] {0, 1} : new double[] {dx / n, dy / n};
        }
    }
}
