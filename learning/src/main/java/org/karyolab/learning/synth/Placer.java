package org.karyolab.learning.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Puts drawn chromosomes on the image. Free ones land in the spread ellipse at least {@link MetaphaseRenderer#MARGIN}
 * pixels from everything else; a {@code clusterFraction} share is laid against an already placed chromosome,
 * half crossing it (overlapping) and half pushed out of it pixel by pixel until the masks just stop sharing
 * pixels (touching). Keeps a map of which chromosome claims the space around each pixel.
 */
final class Placer {

    private final int w;
    private final int h;
    private final double cx;
    private final double cy;
    private double rx;
    private double ry;
    private final SplittableRandom rnd;
    /** 0 free; -1 taken by a nucleus; i + 1 near chromosome i. */
    private final int[] claim;
    private final List<Drawn> placed = new ArrayList<>();
    private final List<Integer> group = new ArrayList<>();

    Placer(int w, int h, double cx, double cy, double rx, double ry, SplittableRandom rnd) {
        this.w = w;
        this.h = h;
        this.cx = cx;
        this.cy = cy;
        this.rx = rx;
        this.ry = ry;
        this.rnd = rnd;
        this.claim = new int[w * h];
    }

    int width() {
        return w;
    }

    int height() {
        return h;
    }

    double spreadX() {
        return cx;
    }

    double spreadY() {
        return cy;
    }

    double spreadRadius() {
        return Math.max(rx, ry);
    }

    boolean free(int x, int y) {
        return x >= 0 && y >= 0 && x < w && y < h && claim[y * w + x] == 0;
    }

    /** Marks a pixel as taken by a nucleus (chromosomes keep off it). */
    void block(int x, int y) {
        if (x >= 0 && y >= 0 && x < w && y < h) {
            claim[y * w + x] = -1;
        }
    }

    void place(List<Drawn> drawn, double clusterFraction) {
        int n = drawn.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int joiners = (int) Math.round(clusterFraction * n);
        // Spread the joiners over the order so each finds partners placed before it.
        boolean[] join = new boolean[n];
        for (int k = 0; k < joiners && n > 1; k++) {
            int pos = 1 + (int) ((long) k * (n - 1) / Math.max(1, joiners));
            join[Math.min(n - 1, pos)] = true;
        }
        for (int k = 0; k < n; k++) {
            Drawn d = drawn.get(order[k]);
            boolean ok = join[k] && !placed.isEmpty() && attach(d, rnd.nextBoolean());
            if (!ok) {
                placeFree(d);
            }
        }
    }

    private void placeFree(Drawn d) {
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0 && attempt % 150 == 0) {
                rx *= 1.12;
                ry *= 1.12;
            }
            double a = rnd.nextDouble() * 2 * StrictMath.PI;
            double r = StrictMath.sqrt(rnd.nextDouble());
            int x0 = (int) Math.round(cx + r * rx * StrictMath.cos(a) - d.width / 2.0);
            int y0 = (int) Math.round(cy + r * ry * StrictMath.sin(a) - d.height / 2.0);
            if (attempt > 1500 || fits(d, x0, y0, -1)) {
                commit(d, clampX(d, x0), clampY(d, y0), placed.size());
                return;
            }
        }
    }

    /** Lays {@code d} across (or against) a placed chromosome; false when no good spot turned up. */
    private boolean attach(Drawn d, boolean touching) {
        for (int attempt = 0; attempt < 30; attempt++) {
            int pi = rnd.nextInt(placed.size());
            Drawn p = placed.get(pi);
            int g = group.get(pi);
            int ip = (int) (p.ax.length * (0.15 + 0.7 * rnd.nextDouble()));
            int id = (int) (d.ax.length * (0.2 + 0.6 * rnd.nextDouble()));
            int x0 = (int) Math.round(p.x0 + p.ax[ip] - d.ax[id]);
            int y0 = (int) Math.round(p.y0 + p.ay[ip] - d.ay[id]);
            PixelMask pm = p.pixelMask();
            if (touching) {
                int j = Math.min(ip + 1, p.ax.length - 1);
                int i = Math.max(ip - 1, 0);
                double tx = p.ax[j] - p.ax[i];
                double ty = p.ay[j] - p.ay[i];
                double norm = Math.max(1e-9, StrictMath.hypot(tx, ty));
                double sign = rnd.nextBoolean() ? 1 : -1;
                double nx = -ty / norm * sign;
                double ny = tx / norm * sign;
                int bx = x0;
                int by = y0;
                for (int k = 1; k < 200; k++) {
                    x0 = bx + (int) Math.round(k * nx);
                    y0 = by + (int) Math.round(k * ny);
                    if (mask(d, x0, y0).overlap(pm) == 0) {
                        break;
                    }
                }
            } else {
                long overlap = mask(d, x0, y0).overlap(pm);
                long smaller = Math.min(d.pixelMask().area(), pm.area());
                if (overlap == 0 || overlap > 0.4 * smaller) {
                    continue;
                }
            }
            if (fits(d, x0, y0, g)) {
                commit(d, x0, y0, g);
                return true;
            }
        }
        return false;
    }

    private static PixelMask mask(Drawn d, int x0, int y0) {
        return new PixelMask(x0, y0, d.width, d.height, d.mask);
    }

    /** Inside the image and, pixel by pixel, free or claimed only by the chromosomes of {@code allowedGroup}. */
    private boolean fits(Drawn d, int x0, int y0, int allowedGroup) {
        if (x0 < 2 || y0 < 2 || x0 + d.width > w - 2 || y0 + d.height > h - 2) {
            return false;
        }
        for (int y = 0; y < d.height; y++) {
            for (int x = 0; x < d.width; x++) {
                if (!d.mask[y * d.width + x]) {
                    continue;
                }
                int c = claim[(y0 + y) * w + x0 + x];
                if (c != 0 && (c < 0 || allowedGroup < 0 || group.get(c - 1) != allowedGroup)) {
                    return false;
                }
            }
        }
        return true;
    }

    private int clampX(Drawn d, int x0) {
        return Math.clamp(x0, 0, Math.max(0, w - d.width));
    }

    private int clampY(Drawn d, int y0) {
        return Math.clamp(y0, 0, Math.max(0, h - d.height));
    }

    private void commit(Drawn d, int x0, int y0, int g) {
        d.moveTo(x0, y0);
        int id = placed.size();
        placed.add(d);
        group.add(g);
        int m = MetaphaseRenderer.MARGIN;
        for (int y = 0; y < d.height; y++) {
            for (int x = 0; x < d.width; x++) {
                if (!d.mask[y * d.width + x]) {
                    continue;
                }
                // Claim the mask and a margin around it (square dilation); edge pixels do the margin.
                boolean edge = x == 0 || y == 0 || x == d.width - 1 || y == d.height - 1
                        || !d.mask[y * d.width + x - 1] || !d.mask[y * d.width + x + 1]
                        || !d.mask[(y - 1) * d.width + x] || !d.mask[(y + 1) * d.width + x];
                int r = edge ? m : 0;
                for (int yy = y0 + y - r; yy <= y0 + y + r; yy++) {
                    for (int xx = x0 + x - r; xx <= x0 + x + r; xx++) {
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h && claim[yy * w + xx] >= 0) {
                            claim[yy * w + xx] = id + 1;
                        }
                    }
                }
            }
        }
    }
}
