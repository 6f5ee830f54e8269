package org.karyolab.learning.synth;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.SplittableRandom;

/** Image arithmetic on float planes: separable Gaussian blur, noise, and the 8-bit grey image. */
final class Pixels {

    private Pixels() {
    }

    static float[] blur(float[] src, int w, int h, double sigma) {
        if (sigma <= 0) {
            return src.clone();
        }
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            sum += StrictMath.exp(-(i * i) / (2 * sigma * sigma));
        }
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) (StrictMath.exp(-(i * i) / (2 * sigma * sigma)) / sum);
        }
        float[] tmp = new float[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int j = -r; j <= r; j++) {
                    acc += k[j + r] * src[row + Math.clamp(x + j, 0, w - 1)];
                }
                tmp[row + x] = acc;
            }
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int j = -r; j <= r; j++) {
                    acc += k[j + r] * tmp[Math.clamp(y + j, 0, h - 1) * w + x];
                }
                out[y * w + x] = acc;
            }
        }
        return out;
    }

    /** Grey levels (0..255 as floats) to an 8-bit grey image, with Gaussian noise, optionally inverted. */
    static BufferedImage grey(float[] v, int w, int h, double noise, boolean inverted, SplittableRandom rnd) {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < w * h; p++) {
            double g = v[p] + (noise > 0 ? noise * rnd.nextGaussian() : 0);
            int q = (int) Math.clamp(Math.round(g), 0, 255);
            data[p] = (byte) (inverted ? 255 - q : q);
        }
        return image;
    }

    /** Smooth random field in about [0, 1]: bilinear (smoothstep) value noise on a grid of {@code cell} pixels. */
    static float[] valueNoise(int w, int h, double cell, SplittableRandom rnd) {
        int gw = (int) Math.ceil(w / cell) + 2;
        int gh = (int) Math.ceil(h / cell) + 2;
        double[] grid = new double[gw * gh];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = rnd.nextDouble();
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double fy = y / cell;
            int gy = (int) fy;
            double ty = fade(fy - gy);
            for (int x = 0; x < w; x++) {
                double fx = x / cell;
                int gx = (int) fx;
                double tx = fade(fx - gx);
                double a = grid[gy * gw + gx] + tx * (grid[gy * gw + gx + 1] - grid[gy * gw + gx]);
                double b = grid[(gy + 1) * gw + gx] + tx * (grid[(gy + 1) * gw + gx + 1] - grid[(gy + 1) * gw + gx]);
                out[y * w + x] = (float) (a + ty * (b - a));
            }
        }
        return out;
    }

    private static double fade(double t) {
        return t * t * (3 - 2 * t);
    }
}
