package org.karyolab.client.ui.canvas;

/**
 * The image at full size and halved again and again (1/2, 1/4, 1/8 ... until the longer side is at most
 * {@value #SMALLEST} px), and which of these copies to draw for a viewport. Plain arithmetic, no JavaFX.
 * <p>
 * Why: on Prism's software renderer a frame's cost was the scaled, smoothed copy of the 4096x4096 image
 * into the canvas (docs/BENCHMARKS.md, "Annotator client"). Drawing from the level whose scale is the
 * smallest one still at or above the screen's keeps the copy small and free of aliasing: a level is a
 * 2x2 area average of the one above, and the final step on screen shrinks by less than 2x.
 * <p>
 * Geometry: pixel {@code i} of level {@code L} covers level-0 pixels {@code [i*2^L, (i+1)*2^L)}, so level
 * coordinates are level-0 coordinates divided by {@code 2^L} exactly. (For a side that is not a multiple
 * of {@code 2^L} the last pixel of the level overhangs the image edge by less than one level pixel, which is
 * under one screen pixel wherever that level is drawn.)
 */
public final class ImagePyramid {

    /** No level is made whose longer side is at most this already. */
    public static final int SMALLEST = 512;

    private ImagePyramid() {}

    /** What to copy from which level and where it lands on the screen (canvas coordinates). */
    public record Blit(int level, double sourceX, double sourceY, double sourceWidth, double sourceHeight,
                       double screenX, double screenY, double screenWidth, double screenHeight, boolean smooth) {}

    /** How many levels (full size included) an image of this size gets. */
    public static int levelCount(int width, int height) {
        int n = 1;
        while (Math.max(width, height) > SMALLEST) {
            width = half(width);
            height = half(height);
            n++;
        }
        return n;
    }

    /** The width (or height) of level {@code level} of a side of {@code size} pixels. */
    public static int levelSize(int size, int level) {
        for (int i = 0; i < level; i++) size = half(size);
        return size;
    }

    private static int half(int size) {
        return (size + 1) / 2;
    }

    /**
     * The next level of opaque ARGB pixels {@code source} (width x height) into {@code out}
     * ({@code levelSize(width, 1)} x {@code levelSize(height, 1)}): each pixel is the rounded mean of a 2x2
     * block, per channel; at an odd last column or row the block holds the pixels that exist.
     */
    public static void halve(int[] source, int width, int height, int[] out) {
        int ow = half(width), oh = half(height);
        if (out.length < ow * oh) throw new IllegalArgumentException("output too small");
        for (int y = 0; y < oh; y++) {
            int row0 = 2 * y * width;
            int row1 = Math.min(2 * y + 1, height - 1) * width;
            for (int x = 0; x < ow; x++) {
                int x0 = 2 * x, x1 = Math.min(x0 + 1, width - 1);
                int a = source[row0 + x0], b = source[row0 + x1], c = source[row1 + x0], d = source[row1 + x1];
                int r = ((a >> 16 & 0xff) + (b >> 16 & 0xff) + (c >> 16 & 0xff) + (d >> 16 & 0xff) + 2) >> 2;
                int g = ((a >> 8 & 0xff) + (b >> 8 & 0xff) + (c >> 8 & 0xff) + (d >> 8 & 0xff) + 2) >> 2;
                int bl = ((a & 0xff) + (b & 0xff) + (c & 0xff) + (d & 0xff) + 2) >> 2;
                out[y * ow + x] = 0xff000000 | r << 16 | g << 8 | bl;
            }
        }
    }

    /**
     * The level to draw when one level-0 pixel is {@code screenScale} screen pixels: the smallest level
     * whose own scale ({@code 2^-level}) is still at least {@code screenScale}; level 0 from 1:1 up.
     */
    public static int levelFor(double screenScale, int levelCount) {
        int level = 0;
        while (level + 1 < levelCount && 1.0 / (1L << (level + 1)) >= screenScale * (1 - 1e-9)) level++;
        return level;
    }

    /**
     * The part of the pyramid to draw for viewport {@code v}: only the visible part of the image, as whole
     * pixels of the chosen level (so the renderer never rounds a source edge), and the exact screen rectangle
     * those pixels cover. {@code level0Width} x {@code level0Height} is the size of the full-size level, which
     * may differ from the image's ({@code imageWidth} x {@code imageHeight}) for a thumbnail stretched over
     * it. Null when no part of the image is on screen.
     */
    public static Blit plan(Viewport v, double imageWidth, double imageHeight, int level0Width, int level0Height, int levelCount) {
        double ix0 = Math.max(0, v.toImageX(0)), iy0 = Math.max(0, v.toImageY(0));
        double ix1 = Math.min(imageWidth, v.toImageX(v.screenWidth())), iy1 = Math.min(imageHeight, v.toImageY(v.screenHeight()));
        if (ix1 <= ix0 || iy1 <= iy0) return null;
        double kx = level0Width / imageWidth, ky = level0Height / imageHeight; // level-0 pixels per image pixel
        int level = levelFor(v.scale() / kx, levelCount);
        double f = 1L << level; // level-0 pixels per level pixel
        int lw = levelSize(level0Width, level), lh = levelSize(level0Height, level);
        int lx0 = (int) Math.floor(ix0 * kx / f), ly0 = (int) Math.floor(iy0 * ky / f);
        int lx1 = (int) Math.min(lw, Math.ceil(ix1 * kx / f)), ly1 = (int) Math.min(lh, Math.ceil(iy1 * ky / f));
        if (lx1 <= lx0 || ly1 <= ly0) return null;
        double screenX = v.toScreenX(lx0 * f / kx), screenY = v.toScreenY(ly0 * f / ky);
        double screenW = (lx1 - lx0) * f / kx * v.scale(), screenH = (ly1 - ly0) * f / ky * v.scale();
        boolean smooth = v.scale() * f / kx < 1 - 1e-9; // a level pixel smaller than a screen pixel: filter it
        return new Blit(level, lx0, ly0, lx1 - lx0, ly1 - ly0, screenX, screenY, screenW, screenH, smooth);
    }
}
