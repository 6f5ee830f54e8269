package org.karyolab.learning.synth;

import java.util.SplittableRandom;

/** What surrounds the chromosomes: interphase nuclei, debris, and the light, unevenly lit background. */
final class Backdrop {

    private Backdrop() {
    }

    /** A large textured ellipse away from the spread; chromosomes keep off it. */
    static void nucleus(float[] absorbance, Placer placer, double chr1, SplittableRandom rnd) {
        int w = placer.width();
        int h = placer.height();
        double a = chr1 * (0.6 + 0.35 * rnd.nextDouble());
        double b = a * (0.75 + 0.25 * rnd.nextDouble());
        double angle = rnd.nextDouble() * StrictMath.PI;
        double x = 0;
        double y = 0;
        for (int attempt = 0; attempt < 400; attempt++) {
            x = rnd.nextDouble() * w;
            y = rnd.nextDouble() * h;
            double far = StrictMath.hypot(x - placer.spreadX(), y - placer.spreadY());
            if (far > placer.spreadRadius() + a * 1.1 && x > a * 0.4 && y > a * 0.4 && x < w - a * 0.4 && y < h - a * 0.4) {
                break;
            }
        }
        int size = (int) Math.ceil(a * 2.4);
        int bx = (int) Math.floor(x - size / 2.0);
        int by = (int) Math.floor(y - size / 2.0);
        float[] coarse = Pixels.valueNoise(size, size, Math.max(4, a / 4), rnd);
        float[] fine = Pixels.valueNoise(size, size, 1.6, rnd);
        double base = 0.85 + 0.3 * rnd.nextDouble();
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) {
                int px = bx + i;
                int py = by + j;
                if (px < 0 || py < 0 || px >= w || py >= h) {
                    continue;
                }
                double dx = px + 0.5 - x;
                double dy = py + 0.5 - y;
                double u = (dx * cos + dy * sin) / a;
                double v = (-dx * sin + dy * cos) / b;
                double q = StrictMath.sqrt(u * u + v * v);
                if (q < 1.2) {
                    placer.block(px, py);
                }
                double edge = Math.clamp((1 - q) * a / 1.5, 0, 1);
                if (edge <= 0) {
                    continue;
                }
                double dome = 0.75 + 0.25 * StrictMath.sqrt(Math.max(0, 1 - q * q));
                double texture = 0.8 + 0.3 * coarse[j * size + i] + 0.35 * (fine[j * size + i] - 0.5);
                absorbance[py * w + px] += (float) (base * dome * texture * edge);
            }
        }
    }

    /** Small dark blobs, single or in little groups, on free background. */
    static void debris(float[] absorbance, int w, int h, Placer placer, int count, double width, SplittableRandom rnd) {
        int made = 0;
        for (int attempt = 0; made < count && attempt < count * 20; attempt++) {
            double x = rnd.nextDouble() * w;
            double y = rnd.nextDouble() * h;
            int group = rnd.nextDouble() < 0.25 ? 2 + rnd.nextInt(4) : 1;
            if (!placer.free((int) x, (int) y)) {
                continue;
            }
            made++;
            for (int g = 0; g < group; g++) {
                double gx = x + (g == 0 ? 0 : rnd.nextGaussian() * width * 0.8);
                double gy = y + (g == 0 ? 0 : rnd.nextGaussian() * width * 0.8);
                double u = rnd.nextDouble();
                double r = width * (0.08 + 0.28 * u * u);
                double stretch = 1 + rnd.nextDouble() * 0.9;
                double angle = rnd.nextDouble() * StrictMath.PI;
                double peak = 0.5 + 1.2 * rnd.nextDouble();
                blob(absorbance, w, h, placer, gx, gy, r * stretch, r, angle, peak);
            }
        }
    }

    private static void blob(float[] absorbance, int w, int h, Placer placer, double x, double y, double a, double b,
                             double angle, double peak) {
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        int r = (int) Math.ceil(a + 2);
        for (int py = (int) y - r; py <= (int) y + r; py++) {
            for (int px = (int) x - r; px <= (int) x + r; px++) {
                if (px < 0 || py < 0 || px >= w || py >= h || !placer.free(px, py)) {
                    continue;
                }
                double dx = px + 0.5 - x;
                double dy = py + 0.5 - y;
                double u = (dx * cos + dy * sin);
                double v = (-dx * sin + dy * cos) * a / b;
                double d = StrictMath.sqrt(u * u + v * v);
                double coverage = Math.clamp(a - d + 0.5, 0, 1);
                absorbance[py * w + px] += (float) (peak * coverage);
            }
        }
    }

    /** Grey levels: a light background, a little uneven, times the transmitted share exp(-absorbance). */
    static float[] illuminate(float[] absorbance, int w, int h, SplittableRandom rnd) {
        double base = 222 + 12 * rnd.nextDouble();
        double gx = (rnd.nextDouble() - 0.5) * 0.06;
        double gy = (rnd.nextDouble() - 0.5) * 0.06;
        double vignette = 0.04 + 0.04 * rnd.nextDouble();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double fy = y / (double) h - 0.5;
            for (int x = 0; x < w; x++) {
                double fx = x / (double) w - 0.5;
                double light = base * (1 + gx * fx + gy * fy - vignette * (fx * fx + fy * fy) * 2);
                out[y * w + x] = (float) (light * StrictMath.exp(-absorbance[y * w + x]));
            }
        }
        return out;
    }
}
