package org.karyolab.client.ui.canvas;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The image and the cached shape layer composited in plain Java into one screen-sized ARGB buffer, which
 * JavaFX gets as one unscaled image per frame (a {@link WritableImage} over a {@link PixelBuffer}: no copy
 * on our side). Why: on Prism's software renderer a <em>scaled</em> full-screen {@code drawImage} costs
 * several times an unscaled one, and the canvas drew two full-screen images per frame (the pyramid
 * level and the shape bitmap), both scaled during a zoom (docs/BENCHMARKS.md, "Annotator client").
 * <p>
 * Per frame, row bands in parallel: the surround with the image's drop shadow and edge, then the visible part
 * of the right {@link ImagePyramid} level (nearest-neighbour; bilinear for a level drawn smaller than 1:1
 * once the view has stopped, the {@code quality} flag), then the shape layer's pixels alpha-blended on top,
 * resampled nearest-neighbour while its zoom differs from the bitmap's. Geometry: screen pixel {@code x}
 * shows what lies under its centre, image point {@code (x + 0.5 - offsetX) / scale}.
 * <p>
 * Two buffers are used in turn: the renderer may still be reading one frame's while the next is composed.
 * Nothing is recomposed when neither the view nor the content changed. JavaFX thread only.
 */
final class FrameCompositor {

    /** A pyramid as int[] ARGB pixels (opaque), level 0 first, with a version that changes with its pixels. */
    record Source(Object identity, long version, int[][] pixels, int[] widths, int[] heights) {
        int levels() {
            return pixels.length;
        }
    }

    /** The cached shape layer's pixels (premultiplied ARGB), the zoom they were rendered at and the image point at pixel (0,0). */
    record Shapes(long version, int[] pixels, int width, int height, double scale, double originX, double originY) {}

    static final int SURROUND = 0xff1b1d23;
    /** Black at 0.45 over {@link #SURROUND}, as the canvas drew the shadow strips. */
    static final int SHADOW = 0xff000000 | mul(0x1b, 0.55) << 16 | mul(0x1d, 0.55) << 8 | mul(0x23, 0.55);
    static final int EDGE = 0xff3a3f4b;
    /** Rows per parallel band. */
    private static final int BAND = 64;

    private final int[][] buffers = new int[2][];
    private final PixelBuffer<IntBuffer>[] pixelBuffers;
    private final WritableImage[] images = new WritableImage[2];
    private int current;
    private int width;
    private int height;
    /** What the shown buffer holds, to skip recomposing an unchanged frame. */
    private Object[] lastKey;
    private volatile long composed;
    private long composeNanos;
    /** Split the rows over the common pool (the JavaFX thread takes part); {@code -Dkaryolab.canvas.composeParallel=false}: one thread. */
    private static final boolean PARALLEL = Boolean.parseBoolean(System.getProperty("karyolab.canvas.composeParallel", "true"));

    @SuppressWarnings("unchecked")
    FrameCompositor() {
        pixelBuffers = new PixelBuffer[2];
    }

    private static int mul(int c, double f) {
        return (int) Math.round(c * f);
    }

    /** Time spent composing so far, in ns (JavaFX thread; the benchmark reports it). */
    long composeNanos() {
        return composeNanos;
    }

    /** How many frames were composed (not reused): tests. */
    long composed() {
        return composed;
    }

    /**
     * The frame for viewport {@code v}: {@code source} stretched over an image of {@code imageWidth} x
     * {@code imageHeight} pixels (a thumbnail's level 0 may be smaller), {@code shapes} on top (or null).
     */
    Image compose(Viewport v, Source source, Shapes shapes, double imageWidth, double imageHeight, boolean quality) {
        int w = (int) Math.ceil(v.screenWidth()), h = (int) Math.ceil(v.screenHeight());
        Object[] key = {v.scale(), v.offsetX(), v.offsetY(), w, h, source.identity(), source.version(),
                shapes == null ? -1L : shapes.version(), shapes == null ? null : shapes.pixels(), imageWidth, imageHeight, quality};
        if (lastKey != null && Arrays.equals(key, lastKey) && images[current] != null) return images[current];
        if (w != width || h != height) {
            width = w;
            height = h;
            for (int i = 0; i < 2; i++) {
                buffers[i] = new int[w * h];
                pixelBuffers[i] = new PixelBuffer<>(w, h, IntBuffer.wrap(buffers[i]), PixelFormat.getIntArgbPreInstance());
                images[i] = new WritableImage(pixelBuffers[i]);
            }
        }
        long start = System.nanoTime();
        current = 1 - current;
        Frame f = new Frame(v, source, shapes, imageWidth, imageHeight, quality, buffers[current], w, h);
        int bands = (h + BAND - 1) / BAND;
        if (bands > 1 && PARALLEL) {
            IntStream.range(0, bands).parallel().forEach(b -> f.rows(b * BAND, Math.min(h, (b + 1) * BAND)));
        } else {
            f.rows(0, h);
        }
        pixelBuffers[current].updateBuffer(pb -> null); // all of it is new
        lastKey = key;
        composed++;
        composeNanos += System.nanoTime() - start;
        return images[current];
    }

    /** One frame's set-up: the row and column maps, shared by the bands. */
    private static final class Frame {
        final int[] dst;
        final int w;
        final int h;
        // image placement on screen (whole pixels: those whose centre lies in the image)
        final int ix0, ix1, iy0, iy1;
        final int[] src;
        final int lw;
        final int[] colMap;
        final int[] rowMap;
        // bilinear: second column/row and the weight of it (0..256)
        final int[] col1, colW, row1, rowW;
        final boolean bilinear;
        /** Each screen column shows the next level column (1:1 with the level): rows are plain copies. */
        final boolean unitColumns;
        // shadow strips and edge (screen pixels)
        final int shadowRightY0, shadowRightY1, shadowBottomX0, shadowBottomX1;
        // the shape layer
        final int[] shp;
        final int sw;
        final int sx0, sx1, sy0, sy1;
        final int[] shpCol;
        final int[] shpRow;

        Frame(Viewport v, Source source, Shapes shapes, double imageWidth, double imageHeight, boolean quality, int[] dst, int w, int h) {
            this.dst = dst;
            this.w = w;
            this.h = h;
            double scale = v.scale(), ox = v.offsetX(), oy = v.offsetY();
            ix0 = clamp(Math.ceil(ox - 0.5), w);
            ix1 = clamp(Math.ceil(ox + imageWidth * scale - 0.5), w);
            iy0 = clamp(Math.ceil(oy - 0.5), h);
            iy1 = clamp(Math.ceil(oy + imageHeight * scale - 0.5), h);
            // the right edge and bottom of the image in screen pixels, for the shadow strips (4 px right, 5 px below)
            int right = (int) Math.round(ox + imageWidth * scale), bottom = (int) Math.round(oy + imageHeight * scale);
            shadowRightY0 = (int) Math.round(oy + 5);
            shadowRightY1 = bottom;
            shadowBottomX0 = (int) Math.round(ox + 4);
            shadowBottomX1 = right + 4;
            double kx = source.widths()[0] / imageWidth, ky = source.heights()[0] / imageHeight; // level-0 px per image px
            int level = ImagePyramid.levelFor(scale / kx, source.levels());
            double f = 1L << level;
            src = source.pixels()[level];
            lw = source.widths()[level];
            int lh = source.heights()[level];
            double ux = kx / f / scale, uy = ky / f / scale; // level pixels per screen pixel
            bilinear = quality && ux > 1 + 1e-9;
            colMap = new int[w];
            rowMap = new int[h];
            col1 = bilinear ? new int[w] : null;
            colW = bilinear ? new int[w] : null;
            row1 = bilinear ? new int[h] : null;
            rowW = bilinear ? new int[h] : null;
            for (int x = ix0; x < ix1; x++) {
                double u = (x + 0.5 - ox) * ux;
                if (bilinear) {
                    u -= 0.5;
                    int u0 = (int) Math.floor(u);
                    colW[x] = (int) Math.round((u - u0) * 256);
                    colMap[x] = Math.clamp(u0, 0, lw - 1);
                    col1[x] = Math.clamp(u0 + 1, 0, lw - 1);
                } else {
                    colMap[x] = Math.min(lw - 1, Math.max(0, (int) u));
                }
            }
            // Steps between neighbouring columns are all 0/1 (zoomed in) or all >= 1 (zoomed out): all are 1 iff the ends say so.
            unitColumns = !bilinear && ix1 > ix0 && colMap[ix1 - 1] - colMap[ix0] == ix1 - 1 - ix0;
            for (int y = iy0; y < iy1; y++) {
                double u = (y + 0.5 - oy) * uy;
                if (bilinear) {
                    u -= 0.5;
                    int u0 = (int) Math.floor(u);
                    rowW[y] = (int) Math.round((u - u0) * 256);
                    rowMap[y] = Math.clamp(u0, 0, lh - 1) * lw;
                    row1[y] = Math.clamp(u0 + 1, 0, lh - 1) * lw;
                } else {
                    rowMap[y] = Math.min(lh - 1, Math.max(0, (int) u)) * lw;
                }
            }
            if (shapes == null || shapes.width() == 0) {
                shp = null;
                sw = 0;
                sx0 = sx1 = sy0 = sy1 = 0;
                shpCol = shpRow = null;
            } else {
                shp = shapes.pixels();
                sw = shapes.width();
                double k = scale / shapes.scale(); // screen px per bitmap px
                double bx = v.toScreenX(shapes.originX()), by = v.toScreenY(shapes.originY());
                sx0 = clamp(Math.ceil(bx - 0.5), w);
                sx1 = clamp(Math.ceil(bx + shapes.width() * k - 0.5), w);
                sy0 = clamp(Math.ceil(by - 0.5), h);
                sy1 = clamp(Math.ceil(by + shapes.height() * k - 0.5), h);
                shpCol = new int[w];
                shpRow = new int[h];
                for (int x = sx0; x < sx1; x++) shpCol[x] = Math.min(sw - 1, Math.max(0, (int) ((x + 0.5 - bx) / k)));
                for (int y = sy0; y < sy1; y++) shpRow[y] = Math.min(shapes.height() - 1, Math.max(0, (int) ((y + 0.5 - by) / k))) * sw;
            }
        }

        private static int clamp(double v, int max) {
            return (int) Math.clamp(v, 0, max);
        }

        void rows(int from, int to) {
            boolean imageCols = ix1 > ix0;
            for (int y = from; y < to; y++) {
                int o = y * w;
                boolean imageRow = imageCols && y >= iy0 && y < iy1;
                background(y, o, imageRow);
                if (!imageRow) continue;
                if (y > from && y - 1 >= iy0 && rowMap[y] == rowMap[y - 1] && (!bilinear || row1[y] == row1[y - 1] && rowW[y] == rowW[y - 1])) {
                    System.arraycopy(dst, o - w + ix0, dst, o + ix0, ix1 - ix0); // zoomed in: the same source row again
                } else if (bilinear) {
                    bilinearRow(y, o);
                } else if (unitColumns) {
                    System.arraycopy(src, rowMap[y] + colMap[ix0], dst, o + ix0, ix1 - ix0);
                } else {
                    nearestRow(y, o);
                }
            }
            if (shp == null) return;
            for (int y = Math.max(from, sy0); y < Math.min(to, sy1); y++) blendRow(y, y * w);
        }

        /** The surround (only beside the image on its rows), the shadow strips right of and below the image, and the 1-px edge around it. */
        private void background(int y, int o, boolean imageRow) {
            if (imageRow) {
                fill(o, 0, ix0, SURROUND);
                fill(o, ix1, w, SURROUND);
            } else {
                Arrays.fill(dst, o, o + w, SURROUND);
            }
            if (y >= shadowRightY0 && y < shadowRightY1) fill(o, ix1, ix1 + 4, SHADOW);
            if (y >= shadowRightY1 && y < shadowRightY1 + 5) fill(o, shadowBottomX0, shadowBottomX1, SHADOW);
            if (y == iy0 - 1 || y == iy1) fill(o, ix0 - 1, ix1 + 1, EDGE);
            if (y >= iy0 - 1 && y <= iy1) {
                fill(o, ix0 - 1, ix0, EDGE);
                fill(o, ix1, ix1 + 1, EDGE);
            }
        }

        private void fill(int o, int x0, int x1, int color) {
            x0 = Math.max(0, x0);
            x1 = Math.min(w, x1);
            if (x1 > x0) Arrays.fill(dst, o + x0, o + x1, color);
        }

        private void nearestRow(int y, int o) {
            int base = rowMap[y];
            int[] s = src, d = dst, cm = colMap;
            for (int x = ix0; x < ix1; x++) d[o + x] = s[base + cm[x]];
        }

        private void bilinearRow(int y, int o) {
            int r0 = rowMap[y], r1 = row1[y], wy = rowW[y];
            int[] s = src, d = dst;
            for (int x = ix0; x < ix1; x++) {
                int c0 = colMap[x], c1 = col1[x], wx = colW[x];
                int top = lerp(s[r0 + c0], s[r0 + c1], wx), bot = lerp(s[r1 + c0], s[r1 + c1], wx);
                d[o + x] = 0xff000000 | lerp(top, bot, wy);
            }
        }

        /** a + (b - a) * t / 256 per colour channel (opaque pixels; alpha is set by the caller). */
        private static int lerp(int a, int b, int t) {
            int u = 256 - t;
            int rb = (((a & 0xff00ff) * u + (b & 0xff00ff) * t) >>> 8) & 0xff00ff;
            int g = (((a & 0xff00) * u + (b & 0xff00) * t) >>> 8) & 0xff00;
            return rb | g;
        }

        /** The shape layer over the row: premultiplied source over an opaque destination. */
        private void blendRow(int y, int o) {
            int base = shpRow[y];
            int[] s = shp, d = dst, cm = shpCol;
            for (int x = sx0; x < sx1; x++) {
                int p = s[base + cm[x]];
                if (p == 0) continue;
                int a = p >>> 24;
                if (a == 255) {
                    d[o + x] = p;
                } else {
                    int na = 255 - a, q = d[o + x];
                    int rb = (q & 0xff00ff) * na + 0x800080;
                    rb = ((rb + ((rb >>> 8) & 0xff00ff)) >>> 8) & 0xff00ff;
                    int g = (q & 0xff00) * na + 0x8000;
                    g = ((g + ((g >>> 8) & 0xff00)) >>> 8) & 0xff00;
                    d[o + x] = 0xff000000 | ((p & 0xffffff) + (rb | g));
                }
            }
        }
    }
}
