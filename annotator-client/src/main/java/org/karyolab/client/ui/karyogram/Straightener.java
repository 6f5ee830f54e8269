package org.karyolab.client.ui.karyogram;

import java.awt.geom.Path2D;
import java.util.Arrays;
import java.util.function.BiPredicate;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.karyolab.schema.shape.Bounds;
import org.karyolab.client.document.Shapes;
import org.karyolab.schema.Annotation;
import org.karyolab.schema.Polarity;
import org.karyolab.schema.shape.Box;
import org.karyolab.schema.shape.Mask;
import org.karyolab.schema.shape.RotatedBox;
import org.karyolab.schema.shape.Shape;

/**
 * Cuts one chromosome out of the image by its shape (box, rotated box, polygon or mask) and turns
 * it upright: along the long side of a (rotated) box, or along the principal axis of a polygon's or
 * mask's pixels (a straight medial axis). The p arm goes up: an annotation marked {@code p-down}
 * is turned half round. Pixels outside the shape are transparent; a box (which also holds the ends of
 * its neighbours) keeps only its largest connected set of dark pixels.
 */
public final class Straightener {

    /** Where a chromosome lies: centre, unit vector along it (top to bottom of the upright picture), length and width. */
    public record Frame(double cx, double cy, double ux, double uy, double length, double width) {}

    private Straightener() {
    }

    /** The upright frame of a shape; p-down turns it half round. */
    public static Frame frame(Shape shape, Polarity polarity) {
        return frame(shape, polarity, null, 1);
    }

    /**
     * As {@link #frame(Shape, Polarity)}; with the image at hand, an axis-aligned box (which says
     * nothing of the chromosome's direction) is straightened along the principal axis of its dark
     * (chromosome) pixels instead of its long side.
     */
    public static Frame frame(Shape shape, Polarity polarity, Image source, double sourceScale) {
        Frame f = shape instanceof Box b && source != null ? darkFrame(b, source, sourceScale) : null;
        if (f != null) return polarity == Polarity.P_DOWN ? new Frame(f.cx(), f.cy(), -f.ux(), -f.uy(), f.length(), f.width()) : f;
        f = switch (shape) {
            case Box b -> boxFrame(b.x() + b.width() / 2, b.y() + b.height() / 2, b.width(), b.height(), 0);
            case RotatedBox r -> boxFrame(r.cx(), r.cy(), r.width(), r.height(), r.angleDegrees());
            default -> principalFrame(inside(shape), shape.bounds());
        };
        return polarity == Polarity.P_DOWN ? new Frame(f.cx(), f.cy(), -f.ux(), -f.uy(), f.length(), f.width()) : f;
    }

    private static Frame boxFrame(double cx, double cy, double w, double h, double degrees) {
        double a = Math.toRadians(degrees);
        // The box's own "down" (local +y) turned by its angle, and its own "right" (local +x).
        double dx = -Math.sin(a), dy = Math.cos(a), rx = Math.cos(a), ry = Math.sin(a);
        Frame f = h >= w ? new Frame(cx, cy, dx, dy, h, w) : new Frame(cx, cy, rx, ry, w, h);
        return f.uy() < 0 || (f.uy() == 0 && f.ux() < 0) ? new Frame(cx, cy, -f.ux(), -f.uy(), f.length(), f.width()) : f;
    }

    /** Grey value 0..255 of the source at image point (x, y), or -1 outside. */
    private static int grey(PixelReader pr, int sw, int sh, double x, double y, double sourceScale) {
        int ix = (int) Math.floor(x * sourceScale), iy = (int) Math.floor(y * sourceScale);
        if (ix < 0 || iy < 0 || ix >= sw || iy >= sh) return -1;
        return greyOf(pr.getArgb(ix, iy));
    }

    private static int greyOf(int argb) {
        return (((argb >> 16) & 0xff) * 3 + ((argb >> 8) & 0xff) * 6 + (argb & 0xff)) / 10;
    }

    /** Background and chromosome grey levels of some samples: the 85th and 10th percentiles. */
    static int[] levels(int[] samples, int n) {
        if (n == 0) return new int[] {255, 0};
        int[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        return new int[] {sorted[Math.min(n - 1, (int) (n * 0.85))], sorted[(int) (n * 0.10)]};
    }

    /**
     * The principal axis of the chromosome in an axis-aligned box: the largest connected set of its dark
     * pixels (a neighbour's end reaching into the box is another set), or null if nothing stands out.
     */
    private static Frame darkFrame(Box b, Image source, double sourceScale) {
        PixelReader pr = source.getPixelReader();
        if (pr == null) return null;
        int sw = (int) source.getWidth(), sh = (int) source.getHeight();
        double step = Math.max(0.5, Math.max(b.width(), b.height()) / 160);
        int gw = (int) Math.ceil(b.width() / step), gh = (int) Math.ceil(b.height() / step);
        int[] grid = new int[gw * gh];
        int[] g = new int[gw * gh];
        int n = 0;
        for (int j = 0; j < gh; j++) {
            for (int i = 0; i < gw; i++) {
                int v = grey(pr, sw, sh, b.x() + (i + 0.5) * step, b.y() + (j + 0.5) * step, sourceScale);
                grid[j * gw + i] = v;
                if (v >= 0) g[n++] = v;
            }
        }
        int[] lv = levels(g, n);
        if (lv[0] - lv[1] < 30) return null; // no contrast: nothing to go by
        double threshold = lv[0] - 0.25 * (lv[0] - lv[1]);
        boolean[] dark = new boolean[grid.length];
        for (int k = 0; k < grid.length; k++) dark[k] = grid[k] >= 0 && grid[k] < threshold;
        boolean[] body = largestComponent(dark, gw, gh);
        return principalFrame((x, y) -> {
            int i = (int) Math.floor((x - b.x()) / step), j = (int) Math.floor((y - b.y()) / step);
            return i >= 0 && j >= 0 && i < gw && j < gh && body[j * gw + i];
        }, Bounds.ofRect(b.x(), b.y(), b.width(), b.height()));
    }

    /**
     * The largest 8-connected set of {@code on} cells of a {@code w} x {@code h} grid (ties: the first
     * found); all false if none is on. A box around one chromosome holds that chromosome as its largest set.
     */
    static boolean[] largestComponent(boolean[] on, int w, int h) {
        int[] label = new int[on.length];
        int[] queue = new int[on.length];
        int best = 0, bestSize = 0, next = 0;
        for (int start = 0; start < on.length; start++) {
            if (!on[start] || label[start] != 0) continue;
            int id = ++next, head = 0, tail = 0;
            label[start] = id;
            queue[tail++] = start;
            while (head < tail) {
                int k = queue[head++], x = k % w, y = k / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                        int nk = ny * w + nx;
                        if (on[nk] && label[nk] == 0) {
                            label[nk] = id;
                            queue[tail++] = nk;
                        }
                    }
                }
            }
            if (tail > bestSize) {
                bestSize = tail;
                best = id;
            }
        }
        boolean[] out = new boolean[on.length];
        for (int k = 0; k < on.length; k++) out[k] = best != 0 && label[k] == best;
        return out;
    }

    /** {@code set} grown by {@code r} cells in every direction (a square neighbourhood). */
    static boolean[] grown(boolean[] set, int w, int h, int r) {
        boolean[] rows = new boolean[set.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!set[y * w + x]) continue;
                for (int nx = Math.max(0, x - r); nx <= Math.min(w - 1, x + r); nx++) rows[y * w + nx] = true;
            }
        }
        boolean[] out = new boolean[set.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!rows[y * w + x]) continue;
                for (int ny = Math.max(0, y - r); ny <= Math.min(h - 1, y + r); ny++) out[ny * w + x] = true;
            }
        }
        return out;
    }

    /** Inside test of an area shape, in image pixels. */
    static BiPredicate<Double, Double> inside(Shape shape) {
        if (shape instanceof Mask m) {
            boolean[] px = m.decode();
            int w = m.width(), h = m.height();
            return (x, y) -> {
                int ix = (int) Math.floor(x), iy = (int) Math.floor(y);
                return ix >= 0 && iy >= 0 && ix < w && iy < h && px[iy * w + ix];
            };
        }
        Path2D.Double path = Shapes.path(Shapes.toPolygon(shape));
        return path::contains;
    }

    /** The principal axis of the pixels inside the shape (sampled on a grid over its bounds). */
    private static Frame principalFrame(BiPredicate<Double, Double> in, Bounds b) {
        double step = Math.max(0.5, Math.max(b.width(), b.height()) / 160);
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (double y = b.minY() + step / 2; y < b.maxY(); y += step) {
            for (double x = b.minX() + step / 2; x < b.maxX(); x += step) {
                if (!in.test(x, y)) continue;
                n++;
                sx += x;
                sy += y;
                sxx += x * x;
                syy += y * y;
                sxy += x * y;
            }
        }
        if (n < 3) return new Frame(b.centerX(), b.centerY(), 0, 1, Math.max(1, b.height()), Math.max(1, b.width()));
        double mx = sx / n, my = sy / n;
        double cxx = sxx / n - mx * mx, cyy = syy / n - my * my, cxy = sxy / n - mx * my;
        double angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy); // direction of largest variance
        double ux = Math.cos(angle), uy = Math.sin(angle);
        if (uy < 0 || (uy == 0 && ux < 0)) {
            ux = -ux;
            uy = -uy;
        }
        double vx = -uy, vy = ux;
        double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        for (double y = b.minY() + step / 2; y < b.maxY(); y += step) {
            for (double x = b.minX() + step / 2; x < b.maxX(); x += step) {
                if (!in.test(x, y)) continue;
                double u = (x - mx) * ux + (y - my) * uy, v = (x - mx) * vx + (y - my) * vy;
                minU = Math.min(minU, u);
                maxU = Math.max(maxU, u);
                minV = Math.min(minV, v);
                maxV = Math.max(maxV, v);
            }
        }
        double cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
        return new Frame(mx + cu * ux + cv * vx, my + cu * uy + cv * vy, ux, uy, maxU - minU + step, maxV - minV + step);
    }

    /**
     * The upright picture of {@code a} at {@code scale} output pixels per image pixel, sampled from
     * {@code source} (which may be a thumbnail: {@code sourceScale} of its pixels per image pixel).
     */
    public static WritableImage cutOut(Annotation a, Image source, double sourceScale, double scale) {
        Shape shape = a.shape();
        Frame f = frame(shape, a.labels().polarity(), source, sourceScale);
        BiPredicate<Double, Double> in = shape instanceof RotatedBox ? null
                : shape instanceof Box b ? (x, y) -> x >= b.x() && y >= b.y() && x <= b.x() + b.width() && y <= b.y() + b.height()
                : inside(shape);
        boolean loose = shape instanceof Box || shape instanceof RotatedBox; // a box holds background too: fade it out
        int outW = Math.max(1, (int) Math.ceil(f.width() * scale)), outH = Math.max(1, (int) Math.ceil(f.length() * scale));
        var out = new WritableImage(outW, outH);
        var pw = out.getPixelWriter();
        PixelReader pr = source == null ? null : source.getPixelReader();
        int sw = source == null ? 0 : (int) source.getWidth(), sh = source == null ? 0 : (int) source.getHeight();
        // Across: the unit vector a quarter turn from "down" (right in the upright picture).
        double ax = -f.uy(), ay = f.ux();
        int[] argbs = new int[outW * outH];
        int[] greys = new int[outW * outH];
        int kept = 0;
        for (int v = 0; v < outH; v++) {
            double along = (v + 0.5) / scale - f.length() / 2;
            for (int u = 0; u < outW; u++) {
                double across = (u + 0.5) / scale - f.width() / 2;
                double x = f.cx() + along * f.ux() + across * ax, y = f.cy() + along * f.uy() + across * ay;
                if (in != null && !in.test(x, y)) continue;
                int ix = (int) Math.floor(x * sourceScale), iy = (int) Math.floor(y * sourceScale);
                if (pr == null || ix < 0 || iy < 0 || ix >= sw || iy >= sh) continue;
                int argb = pr.getArgb(ix, iy) | 0xff000000;
                argbs[v * outW + u] = argb;
                greys[kept++] = greyOf(argb);
            }
        }
        int[] lv = levels(greys, kept);
        double bg = lv[0], threshold = lv[0] - 0.2 * (lv[0] - lv[1]);
        boolean fade = loose && lv[0] - lv[1] >= 30;
        // A box also holds the ends of its neighbours: keep only its largest dark set (the chromosome) and a
        // rim of a pixel or two round it for the faded edge. A polygon or mask is cut by its own outline above.
        boolean[] keep = null;
        if (fade) {
            double middle = lv[0] - 0.5 * (lv[0] - lv[1]);
            boolean[] dark = new boolean[argbs.length];
            for (int i = 0; i < argbs.length; i++) dark[i] = argbs[i] != 0 && greyOf(argbs[i]) < middle;
            keep = grown(largestComponent(dark, outW, outH), outW, outH, Math.max(1, (int) Math.round(scale)));
        }
        for (int i = 0; i < argbs.length; i++) {
            int argb = keep == null || keep[i] ? argbs[i] : 0;
            if (argb == 0 || !fade) {
                pw.setArgb(i % outW, i / outW, argb);
                continue;
            }
            int grey = greyOf(argb);
            double alpha = Math.clamp((bg - grey) / Math.max(1, bg - threshold), 0, 1);
            pw.setArgb(i % outW, i / outW, ((int) Math.round(alpha * 255) << 24) | (argb & 0xffffff));
        }
        return out;
    }
}
