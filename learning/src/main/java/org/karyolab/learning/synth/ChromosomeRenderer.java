package org.karyolab.learning.synth;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one chromosome: a rod along a smooth random medial axis, as long as its bands (ISCN length times
 * the cell's scale), of the cell's width, narrowed at the centromere and along stalks, with rounded ends;
 * each pixel's absorbance follows the stain of the band nearest on the axis and the rod's thickness there.
 * Only {@link StrictMath} is used, so the same seed gives the same pixels on every JVM.
 */
final class ChromosomeRenderer {

    /** Axis sample spacing in pixels. */
    static final double STEP = 0.5;

    /**
     * @param pxPerIscn pixels per ISCN unit (the cell's condensation)
     * @param width     full width of a chromatid pair in pixels
     * @param bend      how much it bends (radians of typical total bend; 0 = straight)
     * @param heading   direction pter to qter in radians (0 = right, pi/2 = down), or NaN for a random one
     */
    record Style(double pxPerIscn, double width, double bend, double heading) {
    }

    private ChromosomeRenderer() {
    }

    static Drawn draw(Banding banding, Style style, SplittableRandom rnd) {
        double radius = style.width() / 2;
        double length = Math.max(banding.length() * style.pxPerIscn() * (1 + 0.04 * rnd.nextGaussian()), style.width() * 1.3);
        int n = (int) Math.ceil(length / STEP) + 1;
        double step = length / (n - 1);
        List<Banding.Segment> segments = banding.segments();
        double scale = length / banding.length();
        double[] boundaries = new double[segments.size() + 1];
        for (int k = 0; k < segments.size(); k++) {
            boundaries[k + 1] = boundaries[k] + segments.get(k).length() * scale;
        }
        boolean hasCentromere = banding.hasCentromere();
        double centromere = hasCentromere ? banding.centromere() * scale : length / 2;

        // Medial axis: heading as a smooth random function of arc length, with an occasional kink at the centromere.
        double heading0 = Double.isNaN(style.heading()) ? rnd.nextDouble() * 2 * StrictMath.PI : style.heading();
        double grow = StrictMath.sqrt(length / (8 * style.width()));
        double k0 = rnd.nextGaussian() * style.bend() * grow;
        double k1 = rnd.nextGaussian() * style.bend() * 0.45 * grow;
        double phase = rnd.nextDouble() * 2 * StrictMath.PI;
        double kink = hasCentromere && rnd.nextDouble() < 0.35 ? rnd.nextGaussian() * style.bend() * 0.9 : 0;
        double kinkSoft = Math.max(1, style.width() * 0.7);
        double[] ax = new double[n];
        double[] ay = new double[n];
        for (int i = 1; i < n; i++) {
            double s = (i - 0.5) * step;
            double theta;
            if (banding.ring()) {
                theta = heading0 + 2 * StrictMath.PI * s / length;
            } else {
                double t = s / length;
                theta = heading0 + k0 * (t - 0.5) + k1 * StrictMath.sin(2 * StrictMath.PI * t + phase)
                        + kink * smoothStep((s - centromere) / kinkSoft);
            }
            ax[i] = ax[i - 1] + step * StrictMath.cos(theta);
            ay[i] = ay[i - 1] + step * StrictMath.sin(theta);
        }

        // Width and stain density along the axis.
        double[] widthFactor = new double[n];
        double[] density = new double[n];
        double[] jitter = new double[segments.size()];
        for (int k = 0; k < jitter.length; k++) {
            jitter[k] = 1 + 0.07 * rnd.nextGaussian();
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            double s = i * step;
            while (k < segments.size() - 1 && s >= boundaries[k + 1]) {
                k++;
            }
            widthFactor[i] = StainPalette.widthFactor(segments.get(k).stain());
            density[i] = StainPalette.density(segments.get(k).stain()) * jitter[k];
        }
        widthFactor = smooth(widthFactor, 1.2 / step);
        density = smooth(density, 0.7 / step);
        double wobblePhase = rnd.nextDouble() * 2 * StrictMath.PI;
        double constriction = hasCentromere ? 0.26 + 0.08 * rnd.nextDouble() : 0;
        double[] hw = new double[n];
        for (int i = 0; i < n; i++) {
            double s = i * step;
            double f = widthFactor[i] * (1 + 0.035 * StrictMath.sin(s / (1.7 * style.width()) + wobblePhase));
            double c = (s - centromere) / (0.45 * style.width());
            f *= 1 - constriction * StrictMath.exp(-c * c);
            double r = radius * f;
            if (!banding.ring()) {
                r *= cap(s, radius) * cap(length - s, radius);
            }
            hw[i] = Math.max(1.0, r);
        }

        // Window around the axis, then each pixel takes its nearest axis sample.
        double minX = Arrays.stream(ax).min().orElseThrow();
        double minY = Arrays.stream(ay).min().orElseThrow();
        double maxX = Arrays.stream(ax).max().orElseThrow();
        double maxY = Arrays.stream(ay).max().orElseThrow();
        int ox = (int) Math.floor(minX - radius - 2);
        int oy = (int) Math.floor(minY - radius - 2);
        int w = (int) Math.ceil(maxX + radius + 2) - ox;
        int h = (int) Math.ceil(maxY + radius + 2) - oy;
        for (int i = 0; i < n; i++) {
            ax[i] -= ox;
            ay[i] -= oy;
        }
        var best = new double[w * h];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        var nearest = new int[w * h];
        Arrays.fill(nearest, -1);
        for (int i = 0; i < n; i++) {
            double r = hw[i] + 1.5;
            int xa = Math.max(0, (int) Math.floor(ax[i] - r));
            int xb = Math.min(w - 1, (int) Math.ceil(ax[i] + r));
            int ya = Math.max(0, (int) Math.floor(ay[i] - r));
            int yb = Math.min(h - 1, (int) Math.ceil(ay[i] + r));
            for (int y = ya; y <= yb; y++) {
                double dy = y + 0.5 - ay[i];
                for (int x = xa; x <= xb; x++) {
                    double dx = x + 0.5 - ax[i];
                    double d2 = dx * dx + dy * dy;
                    int p = y * w + x;
                    if (d2 < best[p]) {
                        best[p] = d2;
                        nearest[p] = i;
                    }
                }
            }
        }
        var absorbance = new float[w * h];
        var mask = new boolean[w * h];
        float[] grain = Pixels.valueNoise(w, h, Math.max(1.5, style.width() / 5), rnd);
        double stain = 0.92 + 0.16 * rnd.nextDouble();
        for (int p = 0; p < w * h; p++) {
            int i = nearest[p];
            if (i < 0) {
                continue;
            }
            double d = StrictMath.sqrt(best[p]);
            double r = hw[i];
            double coverage = Math.clamp(r - d + 0.5, 0, 1);
            if (coverage <= 0) {
                continue;
            }
            double u = Math.min(1, d / r);
            double thickness = 0.42 + 0.58 * StrictMath.sqrt(1 - u * u);
            double g = d / (0.22 * radius);
            double groove = 1 - 0.10 * StrictMath.exp(-g * g);
            double texture = 0.88 + 0.24 * grain[p];
            absorbance[p] = (float) (stain * density[i] * thickness * groove * texture * coverage);
            mask[p] = d <= r;
        }
        return new Drawn(banding, w, h, absorbance, mask, ax, ay, step, centromere, boundaries);
    }

    /** Rounded end: the half-width factor at distance {@code s} from a tip, a quarter circle of radius {@code r}. */
    private static double cap(double s, double r) {
        if (s >= r) {
            return 1;
        }
        double u = (r - s) / r;
        return StrictMath.sqrt(Math.max(0, 1 - u * u));
    }

    private static double smoothStep(double x) {
        double t = Math.clamp(0.5 + x / 2, 0, 1);
        return t * t * (3 - 2 * t);
    }

    /** Gaussian smoothing of a 1-D profile (sigma in samples), edges clamped. */
    static double[] smooth(double[] v, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            kernel[i + r] = StrictMath.exp(-(i * i) / (2 * sigma * sigma));
            sum += kernel[i + r];
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double acc = 0;
            for (int j = -r; j <= r; j++) {
                acc += kernel[j + r] * v[Math.clamp(i + j, 0, v.length - 1)];
            }
            out[i] = acc / sum;
        }
        return out;
    }
}
